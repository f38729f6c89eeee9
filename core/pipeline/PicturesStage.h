#pragma once

#include "pipeline/Stage.h"
#include "providers/GeneratedImageSpec.h"

#include <memory>

namespace diy {

class ImageGenerator;

/// AI pictures: one Remote item per scene marked Generated whose picture is missing or was drawn
/// from another spec (prompt, style, model, reference), never for a locked picture. The first
/// generated scene's picture is the reference of the later ones, so objects and the host look the
/// same throughout; a later scene therefore waits for the first one when both are drawn now.
///
/// An item's output is the picture's receipt (PictureReceipt): a re-run finds it and pays nothing.
/// The generated picture's identity in every key is "generated:<spec key>", known before the
/// picture exists, so frames and segments keep their keys when the project later records the file.
class PicturesStage : public Stage {
public:
    /// `images`: the run's generator (nullptr: no AI pictures; Generated scenes show their cards).
    explicit PicturesStage(std::shared_ptr<ImageGenerator> images);
    RenderStage id() const override;
    QString title() const override;
    double weight() const override { return 0.3; }
    void plan(PlanBuilder &builder) const override;
    bool isDone(const PlanItem &item) const override;
    Job *makeJob(const PlanItem &item, QObject *parent) const override;

    /// Where a project's generated pictures (and their receipts) are stored.
    static QString pictureDir(const QString &projectDir);
    /// The identity of a generated picture inside keys.
    static QString identity(const QString &specKey) { return QStringLiteral("generated:") + specKey; }

private:
    std::shared_ptr<ImageGenerator> m_images;
};

/// A picture item's spec: the generation spec and its key (with the generator's engine version).
struct PictureItemSpec : ItemSpec {
    GeneratedImageSpec image;
    QString imageKey;
    /// Reference pictures drawn in this run (path empty in `image`): their spec keys, in order of
    /// image.references; empty strings for references that exist already.
    QStringList pendingReferenceKeys;
    void addTo(ContentHash &hash) const override;
};

} // namespace diy
