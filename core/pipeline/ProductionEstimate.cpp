#include "pipeline/ProductionEstimate.h"

#include "pipeline/ProductionJob.h"
#include "providers/ImageGenerator.h"

namespace diy {

CostEstimateRequest ProductionEstimate::request(const Project &project, const QString &projectDir,
                                                const std::shared_ptr<ImageGenerator> &images)
{
    CostEstimateRequest request;
    const bool ai = images != nullptr;
    request.script = !project.script;
    const int steps = project.script ? int(project.script->steps.size()) : project.brief.expectedSteps;
    request.scenes = steps + 3; // intro, materials, steps, completion
    if (!project.script) {
        request.prompts = ai;
        request.pictures = ai ? request.scenes : 0;
    } else {
        Project planned = project;
        ProductionJob::markScenesForPictures(planned);
        request.prompts = ai && !project.promptsOrigin;
        request.pictures = ProductionJob::picturesToDraw(planned, projectDir, images);
    }
    if (ai)
        request.imageModel = images->info().defaultModel;
    return request;
}

CostEstimate ProductionEstimate::make(const Project &project, const QString &projectDir,
                                      const std::shared_ptr<ImageGenerator> &images, const PriceTable &prices)
{
    return CostEstimate::make(request(project, projectDir, images), prices, project.runs);
}

} // namespace diy
