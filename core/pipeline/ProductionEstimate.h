#pragma once

#include "model/CostEstimate.h"
#include "model/PriceTable.h"
#include "model/Project.h"

#include <memory>

namespace diy {

class ImageGenerator;

/// The estimate of what a production run (ProductionJob) still has to pay for `project`: the
/// script when there is none, the picture prompts when AI pictures are owed and not yet prompted,
/// and every picture the plan would draw (locked pictures, photos and cards excluded). `images`
/// is the project's image provider (nullptr: cards, nothing to draw). The studio and the CLI show
/// the same figures from this one function.
class ProductionEstimate {
public:
    static CostEstimateRequest request(const Project &project, const QString &projectDir,
                                       const std::shared_ptr<ImageGenerator> &images);
    static CostEstimate make(const Project &project, const QString &projectDir, const std::shared_ptr<ImageGenerator> &images,
                             const PriceTable &prices = PriceTable::defaultTable().valueOr(PriceTable::bundled()));
};

} // namespace diy
