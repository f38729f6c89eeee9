#include "pipeline/RenderPlan.h"

#include "media/CaptionChunker.h"
#include "media/CardRenderer.h"
#include "media/MediaTools.h"
#include "media/PhotoFrameComposer.h"
#include "pipeline/SceneDesign.h"
#include "store/ProjectStore.h"
#include "util/ContentHash.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace diy {

namespace {

constexpr int kPlanVersion = 1; // bump when the key recipe changes

QString slugOf(const QString &name)
{
    static const QRegularExpression nonWord(QStringLiteral("[^a-z0-9]+"));
    QString slug = name.toLower();
    slug.replace(nonWord, QStringLiteral("-"));
    slug = slug.left(60);
    while (slug.startsWith(QLatin1Char('-')))
        slug.remove(0, 1);
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    return slug.isEmpty() ? QStringLiteral("video") : slug;
}

void addCard(ContentHash &h, const CardContent &c)
{
    h.add(qint64(c.kind)).add(c.title).add(c.body).add(qint64(c.stepNumber)).add(qint64(c.stepCount)).add(c.badge);
    for (const QString &item : c.checklist)
        h.add(item);
}

bool exists(const QString &path)
{
    return QFileInfo(path).isFile() && QFileInfo(path).size() > 0;
}

} // namespace

RenderPlan RenderPlan::make(const Project &project, const QString &projectDir)
{
    RenderPlan plan;
    plan.frameSize = project.brief.format.size();
    const QDir cache(ProjectStore::cacheDir(projectDir));
    const QString engine = MediaTools::engineVersion();
    const CaptionStyle style = SceneDesign::captionStyle(project.brief);
    const QString scriptTitle = project.script ? project.script->title : QString();

    Project aligned = project;
    aligned.syncSceneImages();
    const QList<Scene> scenes = aligned.scenes();
    ContentHash mergeHash;
    mergeHash.add("merge", engine).add(qint64(kPlanVersion));

    for (int i = 0; i < scenes.size(); ++i) {
        SceneItems items;
        items.scene = scenes[i];
        const SceneImage &image = aligned.sceneImages[i];

        ContentHash frame;
        frame.add("frame", engine).add(qint64(kPlanVersion)).add(qint64(plan.frameSize.width())).add(qint64(plan.frameSize.height()));
        if (image.source == SceneImage::Source::Card || image.file.isEmpty()) {
            frame.add("card", QString::number(CardRenderer::engineVersion()));
            addCard(frame, SceneDesign::cardContent(items.scene, project.brief, scriptTitle));
        } else {
            frame.add("photo", QString::number(PhotoFrameComposer::engineVersion()));
            const QString sha = image.sha256.isEmpty() ? ContentHash::ofFile(QDir(projectDir).filePath(image.file))
                                                       : image.sha256;
            frame.add(sha).add(qint64(items.scene.stepNumber)).add(qint64(items.scene.stepCount)).add(items.scene.title);
            for (const QString &item : items.scene.checklist)
                frame.add(item);
        }
        items.frameKey = frame.shortHex();

        ContentHash narration;
        narration.add("narration", engine)
            .add(qint64(kPlanVersion))
            .add(project.brief.voice)
            .add(qint64(project.brief.speechRate))
            .add(qint64(SceneDesign::narrationPitch(project.brief)));
        // The phrases depend on the caption layout (they are the caption chunks), so the
        // style and size are part of the narration's inputs too.
        for (const QString &phrase : CaptionChunker::chunk(items.scene.narration, style, plan.frameSize))
            narration.add(phrase);
        items.narrationKey = narration.shortHex();

        ContentHash segment;
        segment.add("segment", engine)
            .add(qint64(kPlanVersion))
            .add(items.frameKey)
            .add(items.narrationKey)
            .add(style.cacheKey())
            .add(qint64(plan.frameSize.width()))
            .add(qint64(plan.frameSize.height()))
            .add(qint64(plan.fps));
        items.segmentKey = segment.shortHex();
        items.checkKey = ContentHash().add("check", engine).add(items.segmentKey).shortHex();

        items.framePath = cache.filePath(QStringLiteral("frames/%1.png").arg(items.frameKey));
        items.narrationPath = cache.filePath(QStringLiteral("narration/%1.wav").arg(items.narrationKey));
        items.captionsPath = cache.filePath(QStringLiteral("captions/%1.ass").arg(items.segmentKey));
        items.segmentPath = cache.filePath(QStringLiteral("segments/%1.mp4").arg(items.segmentKey));
        items.checkPath = cache.filePath(QStringLiteral("checks/%1.json").arg(items.checkKey));
        items.frameDone = exists(items.framePath);
        items.narrationDone = exists(items.narrationPath)
                              && exists(cache.filePath(QStringLiteral("narration/%1.json").arg(items.narrationKey)));
        items.segmentDone = exists(items.segmentPath);
        items.checkDone = exists(items.checkPath);
        mergeHash.add(items.segmentKey);
        plan.scenes.append(items);
    }
    if (!project.brief.musicFile.isEmpty()) {
        const QString music = QDir(projectDir).absoluteFilePath(project.brief.musicFile);
        mergeHash.add("music", ContentHash::ofFile(music)).add(QString::number(project.brief.musicVolume));
    }
    plan.mergeKey = mergeHash.shortHex();
    const QString slug = slugOf(project.name.isEmpty() && project.script ? project.script->title : project.name);
    const QDir renders(ProjectStore::rendersDir(projectDir));
    plan.outputPath = renders.absoluteFilePath(QStringLiteral("%1-%2.mp4").arg(slug, plan.mergeKey.left(8)));
    plan.reportPath = renders.absoluteFilePath(QStringLiteral("%1-%2.checks.json").arg(slug, plan.mergeKey.left(8)));
    plan.mergeDone = exists(plan.outputPath);
    return plan;
}

int RenderPlan::totalItems(RenderStage stage) const
{
    switch (stage) {
    case RenderStage::Merge: return scenes.isEmpty() ? 0 : 1;
    case RenderStage::Checks: return scenes.isEmpty() ? 0 : int(scenes.size()) + 1;
    default: return int(scenes.size());
    }
}

int RenderPlan::pendingItems(RenderStage stage) const
{
    int pending = 0;
    for (const SceneItems &s : scenes) {
        switch (stage) {
        case RenderStage::Frames: pending += s.frameDone ? 0 : 1; break;
        case RenderStage::Narration: pending += s.narrationDone ? 0 : 1; break;
        case RenderStage::Segments: pending += s.segmentDone ? 0 : 1; break;
        case RenderStage::Checks: pending += s.checkDone ? 0 : 1; break;
        case RenderStage::Merge: break;
        }
    }
    if (stage == RenderStage::Merge && !scenes.isEmpty() && !mergeDone)
        pending = 1;
    if (stage == RenderStage::Checks && !scenes.isEmpty() && !(mergeDone && QFileInfo::exists(reportPath)))
        pending += 1;
    return pending;
}

} // namespace diy
