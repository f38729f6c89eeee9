#include "pipeline/RenderPipeline.h"

#include "media/CaptionChunker.h"
#include "media/CaptionTrack.h"
#include "media/CardRenderer.h"
#include "media/MediaTools.h"
#include "media/MediaProbeJob.h"
#include "media/MergeJob.h"
#include "media/NarrationJob.h"
#include "media/PhotoFrameComposer.h"
#include "media/QualityCheckJob.h"
#include "media/SegmentJob.h"
#include "model/JsonReader.h"
#include "pipeline/QualityChecks.h"
#include "pipeline/SceneDesign.h"
#include "store/ProjectStore.h"
#include "util/AtomicFile.h"
#include "util/Log.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHash>
#include <QImageReader>
#include <QThread>
#include <QtConcurrent>

#include <nlohmann/json.hpp>

namespace diy {

using nlohmann::json;

namespace {

double baseWeight(RenderStage stage)
{
    switch (stage) {
    case RenderStage::Frames: return 0.04;
    case RenderStage::Narration: return 0.16;
    case RenderStage::Segments: return 0.62;
    case RenderStage::Merge: return 0.06;
    case RenderStage::Checks: return 0.12;
    }
    return 0.0;
}

Status paintFrame(const Scene &scene, const SceneImage &image, const QString &projectDir, const Brief &brief,
                  const QString &scriptTitle, QSize size, const QString &outputPath)
{
    QImage frame;
    if (image.source == SceneImage::Source::Card || image.file.isEmpty()) {
        frame = CardRenderer(size).render(SceneDesign::cardContent(scene, brief, scriptTitle));
    } else {
        QImageReader reader(QDir(projectDir).filePath(image.file));
        reader.setAutoTransform(true);
        const QImage photo = reader.read();
        if (photo.isNull())
            return Error::invalidInput(
                QStringLiteral("The picture for %1 (%2) cannot be read: replace it or switch back to the card.")
                    .arg(scene.displayName(), image.originalName.isEmpty() ? image.file : image.originalName),
                reader.errorString());
        PhotoFrameComposer::Overlay overlay;
        overlay.stepNumber = scene.stepNumber;
        overlay.stepCount = scene.stepCount;
        overlay.title = scene.kind == Scene::Kind::Intro ? scene.title : scene.kind == Scene::Kind::Step ? scene.title : QString();
        overlay.checklist = scene.checklist;
        frame = PhotoFrameComposer(size).compose(photo, overlay);
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!frame.save(&buffer, "PNG", 1))
        return Error::internal(QStringLiteral("Could not encode the image for %1.").arg(scene.displayName()));
    return AtomicFile::write(outputPath, png);
}

QString narrationJsonPath(const QString &wavPath)
{
    return wavPath.left(wavPath.size() - 4) + QStringLiteral(".json");
}

json cuesToJson(const NarrationResult &r)
{
    json cues = json::array();
    for (const CaptionCue &c : r.cues)
        cues.push_back(json{{"startMs", c.startMs}, {"endMs", c.endMs}, {"text", toStd(c.text)}});
    return json{{"durationMs", r.durationMs}, {"cues", cues}};
}

Result<NarrationResult> readNarration(const QString &wavPath)
{
    auto bytes = AtomicFile::read(narrationJsonPath(wavPath));
    if (!bytes)
        return bytes.error();
    try {
        const json j = json::parse(bytes->toStdString());
        NarrationResult r;
        r.wavPath = wavPath;
        r.durationMs = j.at("durationMs").get<qint64>();
        for (const json &c : j.at("cues"))
            r.cues.append({c.at("startMs").get<qint64>(), c.at("endMs").get<qint64>(),
                           toQString(c.at("text").get<std::string>())});
        return r;
    } catch (const json::exception &e) {
        return Error::io(QStringLiteral("A cached narration file is damaged; it will be made again."),
                         QString::fromUtf8(e.what()));
    }
}

} // namespace

struct RenderPipeline::Run {
    QElapsedTimer total;
    QElapsedTimer stageTimer;
    QDateTime startedAt;
    RenderStage stage = RenderStage::Frames;
    QList<int> pending;
    int next = 0;
    QHash<int, QObject *> running;
    QHash<int, double> runningFraction;
    QList<double> itemWeight; ///< by item index within the stage
    double pendingWeight = 0.0;
    double doneWeight = 0.0;
    std::map<RenderStage, double> stageShare; ///< of the overall progress
    double finishedShare = 0.0;
    std::map<RenderStage, double> stageSeconds;
    int reused = 0;
    int made = 0;
    bool stopping = false;
    std::optional<Error> failure;
    QList<NarrationResult> narration;
    QList<json> checks;
    ProbeInfo finalProbe;
    CaptionStyle style;
    int jobs = 1;
};

RenderPipeline::RenderPipeline(Project project, QString projectDir, Options options, QObject *parent)
    : QObject(parent)
    , m_project(std::move(project))
    , m_projectDir(std::move(projectDir))
    , m_options(std::move(options))
{
    m_project.syncSceneImages();
}

RenderPipeline::~RenderPipeline() = default;

void RenderPipeline::start()
{
    if (m_running || m_finished)
        return;
    m_running = true;
    m_run = std::make_unique<Run>();
    m_run->total.start();
    m_run->startedAt = QDateTime::currentDateTimeUtc();
    m_run->jobs = m_options.jobs > 0 ? m_options.jobs : qMax(1, QThread::idealThreadCount());
    m_run->style = SceneDesign::captionStyle(m_project.brief);

    if (!m_project.script) {
        // Report on the next turn so callers can connect after start() too.
        QMetaObject::invokeMethod(this, [this] {
            fail(Error::invalidInput(QStringLiteral("The project has no script yet: write or import one on the Script page first.")));
        }, Qt::QueuedConnection);
        return;
    }
    for (MediaTools::Tool tool : {MediaTools::Tool::Ffmpeg, MediaTools::Tool::Ffprobe, MediaTools::Tool::EspeakNg}) {
        auto found = MediaTools::locate(tool);
        if (!found) {
            const Error error = found.error();
            QMetaObject::invokeMethod(this, [this, error] { fail(error); }, Qt::QueuedConnection);
            return;
        }
    }
    m_plan = RenderPlan::make(m_project, m_projectDir);
    const QDir cache(ProjectStore::cacheDir(m_projectDir));
    for (const char *sub : {"frames", "narration", "captions", "segments", "checks"})
        cache.mkpath(QString::fromLatin1(sub));
    QDir().mkpath(ProjectStore::rendersDir(m_projectDir));
    m_run->narration.resize(m_plan.scenes.size());
    m_run->checks.resize(m_plan.scenes.size());

    double sum = 0.0;
    for (RenderStage s : allRenderStages()) {
        const int total = m_plan.totalItems(s);
        const double share = total > 0 ? baseWeight(s) * double(m_plan.pendingItems(s)) / total : 0.0;
        m_run->stageShare[s] = share;
        sum += share;
    }
    for (auto &[stage, share] : m_run->stageShare)
        share = sum > 0 ? share / sum : 0.0;

    logInfo(QStringLiteral("Render of '%1': %2 scenes, %3 parallel jobs, output %4")
                .arg(m_project.name)
                .arg(m_plan.scenes.size())
                .arg(m_run->jobs)
                .arg(m_plan.outputPath));
    QMetaObject::invokeMethod(this, [this] { runStage(RenderStage::Frames); }, Qt::QueuedConnection);
}

void RenderPipeline::cancel()
{
    if (!m_running)
        return;
    fail(Error::cancelled());
}

void RenderPipeline::runStage(RenderStage stage)
{
    Run &run = *m_run;
    run.stage = stage;
    run.stageTimer.start();
    run.pending.clear();
    run.next = 0;
    run.itemWeight.clear();
    run.pendingWeight = 0.0;
    run.doneWeight = 0.0;

    const int total = m_plan.totalItems(stage);
    QList<int> reusedItems;
    for (int i = 0; i < total; ++i) {
        bool done = false;
        double weight = 1.0;
        if (i < m_plan.scenes.size()) {
            const auto &s = m_plan.scenes[i];
            switch (stage) {
            case RenderStage::Frames: done = s.frameDone; break;
            case RenderStage::Narration: done = s.narrationDone; break;
            case RenderStage::Segments:
                done = s.segmentDone;
                weight = qMax<double>(1.0, double(run.narration[i].durationMs));
                break;
            case RenderStage::Merge: done = m_plan.mergeDone; break;
            case RenderStage::Checks: done = s.checkDone; break;
            }
        } else { // the final file's check
            done = false;
        }
        run.itemWeight.append(weight);
        if (done)
            reusedItems.append(i);
        else {
            run.pending.append(i);
            run.pendingWeight += weight;
        }
    }
    // Narration results (durations, cues) of cached items are needed by the later stages.
    if (stage == RenderStage::Narration) {
        for (int i : reusedItems) {
            auto cached = readNarration(m_plan.scenes[i].narrationPath);
            if (cached) {
                run.narration[i] = *cached;
            } else {
                reusedItems.removeOne(i);
                run.pending.append(i);
                run.pendingWeight += 1.0;
            }
        }
        std::sort(run.pending.begin(), run.pending.end());
    }
    if (stage == RenderStage::Checks) {
        for (int i : reusedItems) {
            auto bytes = AtomicFile::read(m_plan.scenes[i].checkPath);
            try {
                run.checks[i] = json::parse(bytes.valueOr({}).toStdString());
            } catch (const json::exception &) {
                reusedItems.removeOne(i);
                run.pending.append(i);
                run.pendingWeight += 1.0;
            }
        }
        std::sort(run.pending.begin(), run.pending.end());
    }

    emit stageStarted(stage, total, int(reusedItems.size()));
    for (int i : reusedItems) {
        ++run.reused;
        emit itemFinished(stage, i, true);
    }
    if (run.pending.isEmpty()) {
        finishStage();
        return;
    }
    startNextItems();
}

void RenderPipeline::startNextItems()
{
    Run &run = *m_run;
    // Merge and the final check are single items; everything else runs up to `jobs` at once.
    while (!run.stopping && run.running.size() < run.jobs && run.next < run.pending.size())
        startItem(run.pending[run.next++]);
}

void RenderPipeline::startItem(int index)
{
    Run &run = *m_run;
    const RenderStage stage = run.stage;
    const bool isScene = index < m_plan.scenes.size();
    const QString label = isScene ? m_plan.scenes[index].scene.displayName() : QStringLiteral("Final video");
    emit itemStarted(stage, index, label);
    run.runningFraction[index] = 0.0;

    switch (stage) {
    case RenderStage::Frames: {
        const auto &item = m_plan.scenes[index];
        auto *watcher = new QFutureWatcher<Status>(this);
        run.running[index] = watcher;
        connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, index] {
            const Status status = watcher->result();
            watcher->deleteLater();
            onItemDone(index, status, false);
        });
        watcher->setFuture(QtConcurrent::run(paintFrame, item.scene, m_project.sceneImages[index], m_projectDir,
                                             m_project.brief, m_project.script->title, m_plan.frameSize, item.framePath));
        break;
    }
    case RenderStage::Narration: {
        const auto &item = m_plan.scenes[index];
        NarrationSpec spec;
        spec.phrases = CaptionChunker::chunk(item.scene.narration, run.style, m_plan.frameSize);
        spec.voice = m_project.brief.voice;
        spec.wordsPerMinute = m_project.brief.speechRate;
        spec.pitch = SceneDesign::narrationPitch(m_project.brief);
        spec.outputWav = item.narrationPath;
        auto *job = new NarrationJob(spec, this);
        run.running[index] = job;
        connect(job, &NarrationJob::progressChanged, this, [this, index](double f) {
            m_run->runningFraction[index] = f;
            updateProgress();
        });
        connect(job, &NarrationJob::finished, this, [this, job, index](const Result<NarrationResult> &result) {
            job->deleteLater();
            if (!result) {
                onItemDone(index, result.error(), false);
                return;
            }
            m_run->narration[index] = *result;
            const std::string text = cuesToJson(*result).dump(1);
            onItemDone(index, AtomicFile::write(narrationJsonPath(m_plan.scenes[index].narrationPath), QByteArray::fromStdString(text)), false);
        });
        job->start();
        break;
    }
    case RenderStage::Segments: {
        const auto &item = m_plan.scenes[index];
        const NarrationResult &narration = run.narration[index];
        CaptionTrack track;
        track.cues = narration.cues;
        const Status written = AtomicFile::write(item.captionsPath, track.toAss(run.style, m_plan.frameSize).toUtf8());
        if (!written) {
            QMetaObject::invokeMethod(this, [this, index, written] { onItemDone(index, written, false); }, Qt::QueuedConnection);
            break;
        }
        SegmentSpec spec;
        spec.imagePath = item.framePath;
        spec.audioPath = item.narrationPath;
        spec.assPath = item.captionsPath;
        spec.outputPath = item.segmentPath;
        spec.frame = m_plan.frameSize;
        spec.fps = m_plan.fps;
        spec.durationMs = narration.durationMs;
        auto *job = new SegmentJob(spec, this);
        run.running[index] = job;
        connect(job, &SegmentJob::progressChanged, this, [this, index](double f) {
            m_run->runningFraction[index] = f;
            updateProgress();
        });
        connect(job, &SegmentJob::finished, this, [this, job, index](const Status &status) {
            job->deleteLater();
            onItemDone(index, status, false);
        });
        job->start();
        break;
    }
    case RenderStage::Merge: {
        MergeSpec spec;
        qint64 total = 0;
        for (int i = 0; i < m_plan.scenes.size(); ++i) {
            spec.segmentPaths.append(m_plan.scenes[i].segmentPath);
            total += run.narration[i].durationMs;
        }
        spec.outputPath = m_plan.outputPath;
        if (!m_project.brief.musicFile.isEmpty())
            spec.musicPath = QDir(m_projectDir).absoluteFilePath(m_project.brief.musicFile);
        spec.musicVolume = m_project.brief.musicVolume;
        spec.totalDurationMs = total;
        auto *job = new MergeJob(spec, this);
        run.running[index] = job;
        connect(job, &MergeJob::progressChanged, this, [this, index](double f) {
            m_run->runningFraction[index] = f;
            updateProgress();
        });
        connect(job, &MergeJob::finished, this, [this, job, index](const Status &status) {
            job->deleteLater();
            onItemDone(index, status, false);
        });
        job->start();
        break;
    }
    case RenderStage::Checks: {
        if (isScene) {
            auto *job = new QualityCheckJob(m_plan.scenes[index].segmentPath, this);
            run.running[index] = job;
            connect(job, &QualityCheckJob::finished, this, [this, job, index](const Result<QualityReport> &result) {
                job->deleteLater();
                if (!result) {
                    onItemDone(index, result.error(), false);
                    return;
                }
                const json j = *result;
                m_run->checks[index] = j;
                onItemDone(index, AtomicFile::write(m_plan.scenes[index].checkPath, QByteArray::fromStdString(j.dump(1))), false);
            });
            job->start();
        } else {
            // The final file is probed only (streams, duration, faststart): its content is the
            // segments' content, already measured and cached per segment.
            auto *job = new MediaProbeJob(m_plan.outputPath, this);
            run.running[index] = job;
            connect(job, &MediaProbeJob::finished, this, [this, job, index](const Result<ProbeInfo> &result) {
                job->deleteLater();
                if (!result) {
                    onItemDone(index, result.error(), false);
                    return;
                }
                m_run->finalProbe = *result;
                onItemDone(index, Status{}, false);
            });
            job->start();
        }
        break;
    }
    }
}

void RenderPipeline::onItemDone(int index, const Status &status, bool reused)
{
    Run &run = *m_run;
    run.running.remove(index);
    run.runningFraction.remove(index);
    if (run.stopping) {
        if (run.running.isEmpty())
            complete();
        return;
    }
    if (!status) {
        const bool isScene = index < m_plan.scenes.size();
        Error error = status.error();
        if (!error.isCancelled()) {
            const QString where = isScene ? m_plan.scenes[index].scene.displayName() : QStringLiteral("the final video");
            error.message = QStringLiteral("%1 failed for %2: %3").arg(renderStageTitle(run.stage), where, error.message);
        }
        fail(error);
        return;
    }
    if (reused)
        ++run.reused;
    else
        ++run.made;
    run.doneWeight += run.itemWeight.value(index, 1.0);
    emit itemFinished(run.stage, index, reused);
    updateProgress();
    if (run.running.isEmpty() && run.next >= run.pending.size())
        finishStage();
    else
        startNextItems();
}

void RenderPipeline::finishStage()
{
    Run &run = *m_run;
    const double seconds = run.stageTimer.elapsed() / 1000.0;
    run.stageSeconds[run.stage] = seconds;
    run.finishedShare += run.stageShare[run.stage];
    emit stageFinished(run.stage, seconds);
    logInfo(QStringLiteral("Stage %1 finished in %2 s").arg(renderStageId(run.stage)).arg(seconds, 0, 'f', 2));
    updateProgress();
    const QList<RenderStage> stages = allRenderStages();
    const qsizetype at = stages.indexOf(run.stage);
    if (at + 1 < stages.size() && !(stages[at + 1] == RenderStage::Checks && !m_options.runChecks)) {
        runStage(stages[at + 1]);
        return;
    }
    complete();
}

void RenderPipeline::updateProgress()
{
    Run &run = *m_run;
    double running = 0.0;
    for (auto it = run.runningFraction.cbegin(); it != run.runningFraction.cend(); ++it)
        running += it.value() * run.itemWeight.value(it.key(), 1.0);
    const double stageFraction = run.pendingWeight > 0 ? qBound(0.0, (run.doneWeight + running) / run.pendingWeight, 1.0) : 1.0;
    const qint64 stageElapsed = run.stageTimer.elapsed();
    const qint64 stageEta = stageFraction > 0.01 ? qint64(stageElapsed * (1.0 - stageFraction) / stageFraction) : -1;
    emit stageProgressChanged(run.stage, stageFraction, stageEta);

    const double overall = qBound(0.0, run.finishedShare + (stageFraction < 1.0 ? run.stageShare[run.stage] * stageFraction : 0.0), 1.0);
    const qint64 elapsed = run.total.elapsed();
    m_progress = overall;
    m_etaMs = overall > 0.02 ? qint64(elapsed * (1.0 - overall) / overall) : -1;
    emit progressChanged(m_progress, m_etaMs);
}

void RenderPipeline::fail(const Error &error)
{
    if (!m_running || m_finished)
        return;
    if (!m_run) {
        m_run = std::make_unique<Run>();
        m_run->total.start();
        m_run->startedAt = QDateTime::currentDateTimeUtc();
    }
    Run &run = *m_run;
    if (run.stopping)
        return;
    run.stopping = true;
    run.failure = error;
    if (!error.isCancelled())
        logError(QStringLiteral("Render failed: %1").arg(error.toString()));
    else
        logInfo(QStringLiteral("Render cancelled"));
    const auto jobs = run.running;
    for (QObject *job : jobs) {
        if (auto *process = qobject_cast<ProcessJob *>(job))
            process->cancel();
        // Frame painting in the pool finishes on its own within a fraction of a second.
    }
    if (run.running.isEmpty())
        complete();
}

void RenderPipeline::complete()
{
    if (m_finished)
        return;
    m_finished = true;
    m_running = false;
    Run &run = *m_run;
    RenderSummary summary;
    summary.scenes = int(m_plan.scenes.size());
    summary.stageSeconds = run.stageSeconds;
    summary.itemsReused = run.reused;
    summary.itemsMade = run.made;
    summary.totalSeconds = run.total.elapsed() / 1000.0;

    RunRecord record;
    record.kind = QStringLiteral("render");
    record.startedAt = run.startedAt;
    record.finishedAt = QDateTime::currentDateTimeUtc();
    record.seconds = summary.totalSeconds;
    record.itemsReused = run.reused;
    record.itemsMade = run.made;
    for (const auto &[stage, secs] : run.stageSeconds)
        record.stageSeconds[renderStageId(stage)] = secs;

    if (run.failure) {
        record.outcome = run.failure->isCancelled() ? QStringLiteral("cancelled") : QStringLiteral("failed");
        record.message = run.failure->message;
        Error error = *run.failure;
        emit finished(error);
        return;
    }

    for (const NarrationResult &n : run.narration)
        summary.durationMs += n.durationMs;
    summary.outputPath = m_plan.outputPath;
    if (m_options.runChecks) {
        QList<qint64> durations;
        QStringList labels;
        for (int i = 0; i < m_plan.scenes.size(); ++i) {
            durations.append(run.narration[i].durationMs);
            labels.append(m_plan.scenes[i].scene.displayName());
        }
        summary.checks = QualityChecks::aggregate(run.checks, labels, durations, run.finalProbe, m_project.brief);
        summary.reportPath = m_plan.reportPath;
        const Status written = AtomicFile::write(summary.reportPath, QByteArray::fromStdString(summary.checks.dump(2)));
        if (!written)
            logWarning(written.error().toString());
        if (summary.checks.contains("video") && summary.checks["video"].contains("durationMs"))
            summary.durationMs = summary.checks["video"]["durationMs"].get<qint64>();
    }
    if (!m_options.outputPath.isEmpty() && QFileInfo(m_options.outputPath).absoluteFilePath() != summary.outputPath) {
        QFile::remove(m_options.outputPath + QStringLiteral(".part"));
        if (!QFile::copy(summary.outputPath, m_options.outputPath + QStringLiteral(".part"))
            || !AtomicFile::commit(m_options.outputPath + QStringLiteral(".part"), m_options.outputPath)) {
            QFile::remove(m_options.outputPath + QStringLiteral(".part"));
            Error error = Error::io(QStringLiteral("The video was made (%1) but could not be copied to %2.")
                                        .arg(summary.outputPath, m_options.outputPath));
            emit finished(error);
            return;
        }
        summary.outputPath = QFileInfo(m_options.outputPath).absoluteFilePath();
    }
    record.outcome = QStringLiteral("done");
    summary.run = record;
    RenderRecord render;
    render.output = QDir(m_projectDir).relativeFilePath(m_plan.outputPath);
    render.inputsHash = m_plan.mergeKey;
    render.durationMs = summary.durationMs;
    render.reportFile = summary.reportPath.isEmpty() ? QString() : QDir(m_projectDir).relativeFilePath(summary.reportPath);
    render.finishedAt = record.finishedAt;
    summary.render = render;
    m_progress = 1.0;
    m_etaMs = 0;
    emit progressChanged(1.0, 0);
    logInfo(QStringLiteral("Render finished in %1 s: %2 (%3 items made, %4 reused)")
                .arg(summary.totalSeconds, 0, 'f', 1)
                .arg(summary.outputPath)
                .arg(run.made)
                .arg(run.reused));
    emit finished(summary);
}

json RenderSummary::toJson() const
{
    json stages = json::object();
    for (const auto &[stage, secs] : stageSeconds)
        stages[toStd(renderStageId(stage))] = secs;
    return json{{"output", toStd(outputPath)},
                {"durationSeconds", durationMs / 1000.0},
                {"scenes", scenes},
                {"totalSeconds", totalSeconds},
                {"stageSeconds", stages},
                {"itemsReused", itemsReused},
                {"itemsMade", itemsMade},
                {"report", toStd(reportPath)},
                {"checks", checks}};
}

} // namespace diy
