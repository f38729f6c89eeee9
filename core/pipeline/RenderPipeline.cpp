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

struct RenderPipeline::Item {
    enum class State { Waiting, Running, Done };
    RenderStage stage = RenderStage::Frames;
    int index = 0;             ///< scene index; for Checks, index == scene count is the final file
    State state = State::Waiting;
    double weight = 1.0;       ///< share of its stage's work (segments: by narration length)
    double fraction = 0.0;     ///< progress of a running item
    QObject *job = nullptr;    ///< a ProcessJob or a QFutureWatcher while running
};

struct RenderPipeline::Run {
    struct StageState {
        int total = 0;
        int reused = 0;
        int done = 0;
        double pendingWeight = 0.0;
        double doneWeight = 0.0;
        bool started = false;
        bool finished = false;
        QElapsedTimer timer;
        double share = 0.0; ///< of the overall progress
    };
    QElapsedTimer total;
    QDateTime startedAt;
    std::vector<Item> items;
    std::map<RenderStage, StageState> stages;
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

    int running(bool heavy) const
    {
        int n = 0;
        for (const Item &i : items)
            if (i.state == Item::State::Running
                && ((i.stage == RenderStage::Segments || i.stage == RenderStage::Merge) == heavy))
                ++n;
        return n;
    }
    int runningTotal() const { return running(true) + running(false); }
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

RenderPipeline::Item *RenderPipeline::item(RenderStage stage, int index)
{
    for (Item &i : m_run->items)
        if (i.stage == stage && i.index == index)
            return &i;
    return nullptr;
}

void RenderPipeline::start()
{
    if (m_running || m_finished)
        return;
    m_running = true;
    m_run = std::make_unique<Run>();
    Run &run = *m_run;
    run.total.start();
    run.startedAt = QDateTime::currentDateTimeUtc();
    run.jobs = m_options.jobs > 0 ? m_options.jobs : qMax(1, QThread::idealThreadCount());
    m_framePool.setMaxThreadCount(qMax(1, run.jobs));
    run.style = SceneDesign::captionStyle(m_project.brief);

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
    m_plan = RenderPlan::make(m_project, m_projectDir, m_options.frameSize);
    const QDir cache(ProjectStore::cacheDir(m_projectDir));
    for (const char *sub : {"frames", "narration", "captions", "segments", "checks"})
        cache.mkpath(QString::fromLatin1(sub));
    QDir().mkpath(ProjectStore::rendersDir(m_projectDir));
    const int n = int(m_plan.scenes.size());
    run.narration.resize(n);
    run.checks.resize(n);

    // Build the item graph; what a previous run finished is Done from the start.
    for (int i = 0; i < n; ++i) {
        const auto &s = m_plan.scenes[i];
        Item frame{RenderStage::Frames, i};
        frame.state = s.frameDone ? Item::State::Done : Item::State::Waiting;
        Item narration{RenderStage::Narration, i};
        if (s.narrationDone) {
            if (auto cached = readNarration(s.narrationPath)) {
                run.narration[i] = *cached;
                narration.state = Item::State::Done;
            }
        }
        Item segment{RenderStage::Segments, i};
        segment.state = s.segmentDone && narration.state == Item::State::Done ? Item::State::Done : Item::State::Waiting;
        segment.weight = qMax<double>(10.0, double(s.scene.narration.size()));
        Item check{RenderStage::Checks, i};
        if (s.checkDone && segment.state == Item::State::Done) {
            try {
                run.checks[i] = json::parse(AtomicFile::read(s.checkPath).valueOr({}).toStdString());
                check.state = Item::State::Done;
            } catch (const json::exception &) {
            }
        }
        for (Item *it : {&frame, &narration, &segment, &check})
            run.items.push_back(*it);
    }
    bool allSegments = std::all_of(run.items.begin(), run.items.end(), [](const Item &i) {
        return i.stage != RenderStage::Segments || i.state == Item::State::Done;
    });
    Item merge{RenderStage::Merge, 0};
    merge.state = m_plan.mergeDone && allSegments ? Item::State::Done : Item::State::Waiting;
    run.items.push_back(merge);
    if (m_options.runChecks)
        run.items.push_back(Item{RenderStage::Checks, n}); // the final file is always probed
    else
        run.items.erase(std::remove_if(run.items.begin(), run.items.end(),
                                       [](const Item &i) { return i.stage == RenderStage::Checks; }),
                        run.items.end());

    double sum = 0.0;
    for (const Item &i : run.items) {
        auto &st = run.stages[i.stage];
        ++st.total;
        if (i.state == Item::State::Done) {
            ++st.reused;
            ++st.done;
        } else {
            st.pendingWeight += i.weight;
        }
    }
    for (auto &[stage, st] : run.stages) {
        st.share = st.total > 0 ? baseWeight(stage) * double(st.total - st.reused) / st.total : 0.0;
        sum += st.share;
    }
    for (auto &[stage, st] : run.stages)
        st.share = sum > 0 ? st.share / sum : 0.0;

    logInfo(QStringLiteral("Render of '%1': %2 scenes, %3 parallel encodes, output %4")
                .arg(m_project.name)
                .arg(n)
                .arg(run.jobs)
                .arg(m_plan.outputPath));
    QMetaObject::invokeMethod(this, [this] {
        if (m_finished)
            return;
        // Stages with nothing to do are reported at once, in order.
        for (RenderStage stage : allRenderStages()) {
            auto it = m_run->stages.find(stage);
            if (it == m_run->stages.end() || it->second.done < it->second.total)
                continue;
            markStageStarted(stage);
            for (const Item &i : m_run->items)
                if (i.stage == stage)
                    emit itemFinished(stage, i.index, true);
            it->second.finished = true;
            m_run->reused += it->second.reused;
            emit stageFinished(stage, 0.0);
            m_run->stageSeconds[stage] = 0.0;
        }
        // Items reused in stages that still have work are reported as the stage starts.
        schedule();
    }, Qt::QueuedConnection);
}

void RenderPipeline::cancel()
{
    if (!m_running)
        return;
    fail(Error::cancelled());
}

void RenderPipeline::markStageStarted(RenderStage stage)
{
    auto &st = m_run->stages[stage];
    if (st.started)
        return;
    st.started = true;
    st.timer.start();
    emit stageStarted(stage, st.total, st.reused);
    if (st.done < st.total) {
        for (const Item &i : m_run->items) {
            if (i.stage == stage && i.state == Item::State::Done) {
                ++m_run->reused;
                emit itemFinished(stage, i.index, true);
            }
        }
    }
}

void RenderPipeline::schedule()
{
    Run &run = *m_run;
    if (run.stopping || m_finished)
        return;
    const auto done = [this](RenderStage stage, int index) {
        const Item *i = item(stage, index);
        return !i || i->state == Item::State::Done;
    };
    const int n = int(m_plan.scenes.size());

    // Encodes (the heavy work) first: up to `jobs` at once, in scene order.
    for (Item &i : run.items) {
        if (run.running(true) >= run.jobs)
            break;
        if (i.state != Item::State::Waiting)
            continue;
        if (i.stage == RenderStage::Segments && done(RenderStage::Frames, i.index) && done(RenderStage::Narration, i.index)) {
            if (!startItem(i))
                return;
        } else if (i.stage == RenderStage::Merge) {
            bool ready = true;
            for (int s = 0; s < n; ++s)
                ready = ready && done(RenderStage::Segments, s);
            if (ready && !startItem(i))
                return;
        }
    }
    // Light work (frames, narration, checks) fills the remaining capacity: one slot beside running
    // encodes, all of them when nothing is encoding. Frames and narration go first, scene by scene,
    // because they feed the encoder.
    const int lightSlots = run.running(true) > 0 ? qMax(1, run.jobs / 2) : run.jobs;
    for (int pass = 0; pass < 2; ++pass) {
        for (Item &i : run.items) {
            if (run.running(false) >= lightSlots)
                break;
            if (i.state != Item::State::Waiting)
                continue;
            bool ready = false;
            if (pass == 0)
                ready = i.stage == RenderStage::Frames || i.stage == RenderStage::Narration;
            else if (i.stage == RenderStage::Checks)
                ready = i.index < n ? done(RenderStage::Segments, i.index) : done(RenderStage::Merge, 0);
            if (ready && !startItem(i))
                return;
        }
    }
    if (run.runningTotal() == 0) {
        const bool all = std::all_of(run.items.begin(), run.items.end(),
                                     [](const Item &i) { return i.state == Item::State::Done; });
        if (all)
            complete();
    }
}

bool RenderPipeline::startItem(Item &it)
{
    Run &run = *m_run;
    const RenderStage stage = it.stage;
    const int index = it.index;
    const bool isScene = index < m_plan.scenes.size();
    const QString label = isScene ? m_plan.scenes[index].scene.displayName() : QStringLiteral("Final video");
    markStageStarted(stage);
    it.state = Item::State::Running;
    it.fraction = 0.0;
    emit itemStarted(stage, index, label);

    const auto trackProgress = [this, stage, index](double f) {
        if (Item *i = item(stage, index)) {
            i->fraction = f;
            updateProgress();
        }
    };

    switch (stage) {
    case RenderStage::Frames: {
        const auto &planned = m_plan.scenes[index];
        auto *watcher = new QFutureWatcher<Status>(this);
        it.job = watcher;
        connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, index] {
            const Status status = watcher->result();
            watcher->deleteLater();
            onItemDone(RenderStage::Frames, index, status);
        });
        watcher->setFuture(QtConcurrent::run(&m_framePool, paintFrame, planned.scene, m_project.sceneImages[index], m_projectDir,
                                             m_project.brief, m_project.script->title, m_plan.frameSize, planned.framePath));
        break;
    }
    case RenderStage::Narration: {
        const auto &planned = m_plan.scenes[index];
        NarrationSpec spec;
        spec.phrases = CaptionChunker::chunk(planned.scene.narration, run.style, m_plan.frameSize);
        spec.voice = m_project.brief.voice;
        spec.wordsPerMinute = m_project.brief.speechRate;
        spec.pitch = SceneDesign::narrationPitch(m_project.brief);
        spec.outputWav = planned.narrationPath;
        auto *job = new NarrationJob(spec, this);
        it.job = job;
        connect(job, &NarrationJob::progressChanged, this, trackProgress);
        connect(job, &NarrationJob::finished, this, [this, job, index](const Result<NarrationResult> &result) {
            job->deleteLater();
            if (!result) {
                onItemDone(RenderStage::Narration, index, result.error());
                return;
            }
            m_run->narration[index] = *result;
            const std::string text = cuesToJson(*result).dump(1);
            onItemDone(RenderStage::Narration, index,
                       AtomicFile::write(narrationJsonPath(m_plan.scenes[index].narrationPath), QByteArray::fromStdString(text)));
        });
        job->start();
        break;
    }
    case RenderStage::Segments: {
        const auto &planned = m_plan.scenes[index];
        const NarrationResult &narration = run.narration[index];
        CaptionTrack track;
        track.cues = narration.cues;
        const Status written = AtomicFile::write(planned.captionsPath, track.toAss(run.style, m_plan.frameSize).toUtf8());
        if (!written) {
            it.state = Item::State::Waiting;
            fail(written.error());
            return false;
        }
        SegmentSpec spec;
        spec.imagePath = planned.framePath;
        spec.audioPath = planned.narrationPath;
        spec.assPath = planned.captionsPath;
        spec.outputPath = planned.segmentPath;
        spec.frame = m_plan.frameSize;
        spec.fps = m_plan.fps;
        spec.durationMs = narration.durationMs;
        auto *job = new SegmentJob(spec, this);
        it.job = job;
        connect(job, &SegmentJob::progressChanged, this, trackProgress);
        connect(job, &SegmentJob::finished, this, [this, job, index](const Status &status) {
            job->deleteLater();
            onItemDone(RenderStage::Segments, index, status);
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
        it.job = job;
        connect(job, &MergeJob::progressChanged, this, trackProgress);
        connect(job, &MergeJob::finished, this, [this, job](const Status &status) {
            job->deleteLater();
            onItemDone(RenderStage::Merge, 0, status);
        });
        job->start();
        break;
    }
    case RenderStage::Checks: {
        if (isScene) {
            auto *job = new QualityCheckJob(m_plan.scenes[index].segmentPath, this);
            it.job = job;
            connect(job, &QualityCheckJob::finished, this, [this, job, index](const Result<QualityReport> &result) {
                job->deleteLater();
                if (!result) {
                    onItemDone(RenderStage::Checks, index, result.error());
                    return;
                }
                const json j = *result;
                m_run->checks[index] = j;
                onItemDone(RenderStage::Checks, index,
                           AtomicFile::write(m_plan.scenes[index].checkPath, QByteArray::fromStdString(j.dump(1))));
            });
            job->start();
        } else {
            // The final file is probed only (streams, duration, faststart): its content is the
            // segments' content, already measured and cached per segment.
            auto *job = new MediaProbeJob(m_plan.outputPath, this);
            it.job = job;
            connect(job, &MediaProbeJob::finished, this, [this, job, index](const Result<ProbeInfo> &result) {
                job->deleteLater();
                if (!result) {
                    onItemDone(RenderStage::Checks, index, result.error());
                    return;
                }
                m_run->finalProbe = *result;
                onItemDone(RenderStage::Checks, index, Status{});
            });
            job->start();
        }
        break;
    }
    }
    return true;
}

void RenderPipeline::onItemDone(RenderStage stage, int index, const Status &status)
{
    Run &run = *m_run;
    Item *it = item(stage, index);
    if (!it)
        return;
    it->job = nullptr;
    if (run.stopping) {
        it->state = Item::State::Waiting;
        if (run.runningTotal() == 0)
            complete();
        return;
    }
    if (!status) {
        it->state = Item::State::Waiting;
        const bool isScene = index < m_plan.scenes.size();
        Error error = status.error();
        if (!error.isCancelled()) {
            const QString where = isScene ? m_plan.scenes[index].scene.displayName() : QStringLiteral("the final video");
            error.message = QStringLiteral("%1 failed for %2: %3").arg(renderStageTitle(stage), where, error.message);
        }
        fail(error);
        return;
    }
    it->state = Item::State::Done;
    it->fraction = 0.0;
    ++run.made;
    auto &st = run.stages[stage];
    ++st.done;
    st.doneWeight += it->weight;
    emit itemFinished(stage, index, false);
    if (st.done == st.total && !st.finished) {
        st.finished = true;
        const double seconds = st.timer.isValid() ? st.timer.elapsed() / 1000.0 : 0.0;
        run.stageSeconds[stage] = seconds;
        emit stageFinished(stage, seconds);
        logInfo(QStringLiteral("Stage %1 finished in %2 s").arg(renderStageId(stage)).arg(seconds, 0, 'f', 2));
    }
    updateProgress();
    schedule();
}

void RenderPipeline::updateProgress()
{
    Run &run = *m_run;
    double overall = 0.0;
    std::map<RenderStage, double> running;
    for (const Item &i : run.items)
        if (i.state == Item::State::Running)
            running[i.stage] += i.fraction * i.weight;
    for (auto &[stage, st] : run.stages) {
        const double fraction = st.pendingWeight > 0 ? qBound(0.0, (st.doneWeight + running[stage]) / st.pendingWeight, 1.0) : 1.0;
        overall += st.share * fraction;
        if (st.started && !st.finished) {
            const qint64 elapsed = st.timer.elapsed();
            emit stageProgressChanged(stage, fraction, fraction > 0.01 ? qint64(elapsed * (1.0 - fraction) / fraction) : -1);
        }
    }
    // A job may refine its own estimate downwards; what the creator sees never moves backwards.
    m_progress = qMax(m_progress, qBound(0.0, overall, 1.0));
    const qint64 elapsed = run.total.elapsed();
    m_etaMs = m_progress > 0.02 ? qint64(elapsed * (1.0 - m_progress) / m_progress) : -1;
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
    for (Item &i : run.items) {
        if (i.state != Item::State::Running)
            continue;
        if (auto *process = qobject_cast<ProcessJob *>(i.job))
            process->cancel();
        // Frame painting in the pool finishes on its own within a fraction of a second.
    }
    if (run.runningTotal() == 0)
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
        m_record = record;
        Error error = *run.failure;
        emit finished(error);
        return;
    }

    for (int i = 0; i < m_plan.scenes.size(); ++i) {
        const auto &item = m_plan.scenes[i];
        summary.durationMs += run.narration[i].durationMs;
        summary.sceneFiles.push_back(json{{"scene", toStd(item.scene.displayName())},
                                          {"frame", toStd(item.framePath)},
                                          {"narration", toStd(item.narrationPath)},
                                          {"segment", toStd(item.segmentPath)},
                                          {"durationMs", run.narration[i].durationMs}});
    }
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
    m_record = record;
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
                {"sceneFiles", sceneFiles},
                {"checks", checks}};
}

} // namespace diy
