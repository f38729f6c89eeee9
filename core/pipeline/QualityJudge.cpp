#include "pipeline/QualityJudge.h"
#include "util/BackgroundPool.h"

#include "model/JsonReader.h"
#include "pipeline/RenderPlan.h"
#include "store/ProjectFiles.h"
#include "tensorzero/Episode.h"
#include "tensorzero/InferenceJob.h"
#include "tensorzero/TensorZeroClient.h"
#include "util/AtomicFile.h"
#include "util/JsonParser.h"
#include "util/Log.h"

#include <QBuffer>
#include <QDir>
#include <QFutureWatcher>
#include <QImage>
#include <QImageReader>
#include <QtConcurrent>

namespace diy {

using nlohmann::json;

json QualityEvaluation::toProjectJson() const
{
    return json{{"kind", "judge"},
                {"score", score},
                {"rating", toStd(rating)},
                {"feedback", toStd(feedback)},
                {"judgement", judgement},
                {"inferenceId", toStd(record.inferenceId)},
                {"episodeId", toStd(episodeId)},
                {"variant", toStd(record.variantName)},
                {"at", toStd(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))}};
}

QualityJudge::QualityJudge(Project project, QString projectDir, TensorZeroClient *client, QObject *parent)
    : ValueJob<QualityEvaluation>(parent), m_project(std::move(project)), m_projectDir(std::move(projectDir)), m_client(client)
{
}

QualityJudge::~QualityJudge() = default; // a running inference is a child: deleting it stops it

QString QualityJudge::ratingFor(double score)
{
    if (score >= 9.0)
        return QStringLiteral("EXCELLENT");
    if (score >= 7.0)
        return QStringLiteral("GOOD");
    if (score >= 5.0)
        return QStringLiteral("FAIR");
    return QStringLiteral("POOR");
}

json QualityJudge::userArguments(const Project &project, const json &technicalReport, int keyframes)
{
    json report = technicalReport.is_object() ? technicalReport : json::object();
    return json{{"description", toStd(project.brief.description.trimmed())},
                {"content_mode", toStd(Brief::contentModeId(project.brief.contentMode))},
                {"target_duration_seconds", project.brief.targetDurationSeconds},
                {"script", project.script ? project.script->toJson() : json::object()},
                {"technical_report", report},
                {"keyframe_count", keyframes}};
}

QList<ImageInput> QualityJudge::keyframes(const QStringList &framePaths)
{
    QList<ImageInput> images;
    for (const QString &path : framePaths) {
        QImageReader reader(path);
        QImage image = reader.read();
        if (image.isNull())
            continue;
        image = image.scaled(QSize(512, 512), Qt::KeepAspectRatio, Qt::SmoothTransformation).convertToFormat(QImage::Format_RGB32);
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "JPEG", 82);
        images.append({QByteArrayLiteral("image/jpeg"), jpeg});
    }
    return images;
}

void QualityJudge::run()
{
    if (!m_client) {
        finish(Error::invalidInput(QStringLiteral("No AI service is set up: add its address in Settings → AI service.")));
        return;
    }
    if (!m_project.script || !m_project.lastRender) {
        finish(Error::invalidInput(QStringLiteral("Render the video first: the judge looks at the finished video.")));
        return;
    }
    const auto problems = m_project.brief.validate();
    if (!problems.isEmpty()) {
        finish(Error::invalidInput(QStringLiteral("Fix the brief first: %1").arg(problems.first().message)));
        return;
    }
    auto *watcher = new QFutureWatcher<QList<ImageInput>>(this);
    connect(watcher, &QFutureWatcher<QList<ImageInput>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_readingKeyframes = false;
        if (cancelRequested()) {
            finish(Error::cancelled());
            return;
        }
        send(watcher->result());
    });
    // The frames the last render used (cached by their input hash); planning measures captions and
    // may hash photos, so it runs in the pool with the keyframe encoding, not on the caller's thread.
    m_readingKeyframes = true;
    watcher->setFuture(QtConcurrent::run(BackgroundPool::instance(), [project = m_project, dir = m_projectDir] {
        QStringList frames;
        for (const auto &scene : RenderPlan::make(project, dir).scenes)
            frames.append(scene.framePath);
        return keyframes(frames);
    }));
    reportProgress(0.1, QStringLiteral("Reading the keyframes"));
}

void QualityJudge::send(const QList<ImageInput> &images)
{
    if (!m_client) {
        finish(Error::internal(QStringLiteral("The gateway client went away.")));
        return;
    }
    json report = json::object();
    if (!m_project.lastRender->reportFile.isEmpty()) {
        // A path from the project file and a file on disk: the ProjectFiles rule, then bounded parsing.
        const auto file = ProjectFiles::resolve(m_projectDir, m_project.lastRender->reportFile, ProjectFiles::kMaxReportBytes);
        const auto bytes = file ? AtomicFile::read(*file, ProjectFiles::kMaxReportBytes) : Result<QByteArray>(file.error());
        if (bytes) {
            report = JsonParser::parse(*bytes, m_project.lastRender->reportFile).valueOr(json::object());
            if (!report.is_object())
                report = json::object();
        }
    }
    // Keep the report small: the judge needs the findings and the numbers, not every range.
    for (const char *bulky : {"silences", "blackFrames"})
        if (report.contains(bulky) && report[bulky].is_array() && report[bulky].size() > 20)
            report[bulky] = json::array();

    InferenceRequest request;
    request.functionName = QStringLiteral("video_evaluator");
    request.episode = Episode(m_project.id, m_project.episodeId);
    request.userArguments = userArguments(m_project, report, int(images.size()));
    request.images = images;
    request.stage = QStringLiteral("quality");
    reportProgress(0.3, QStringLiteral("Waiting for the AI judge"));
    m_job = m_client->infer(request, this);
    connect(m_job, &Job::finished, this, [this, job = m_job.data()](const Status &) {
        m_job = nullptr;
        job->deleteLater(); // created here: deleted here
        onAnswer(job->result());
    });
    m_job->start();
}

void QualityJudge::onAnswer(const Result<InferenceResponse> &answer)
{
    if (cancelRequested()) {
        finish(Error::cancelled());
        return;
    }
    if (!answer) {
        finish(answer.error());
        return;
    }
    const InferenceResponse &r = *answer;
    QualityEvaluation e;
    e.judgement = r.parsed;
    e.score = r.parsed.value("quality_score", 0.0);
    e.rating = ratingFor(e.score);
    e.feedback = toQString(r.parsed.value("feedback", std::string()));
    e.episodeId = r.episodeId;
    e.record.functionName = QStringLiteral("video_evaluator");
    e.record.inferenceId = r.inferenceId;
    e.record.episodeId = r.episodeId;
    e.record.variantName = r.variantName;
    e.record.stage = QStringLiteral("quality");
    e.record.inputTokens = r.inputTokens;
    e.record.outputTokens = r.outputTokens;
    e.record.costUsd = r.costUsd;
    e.record.finishedAt = QDateTime::currentDateTimeUtc();
    logInfo(QStringLiteral("Judge (%1): %2/10 %3").arg(e.record.variantName).arg(e.score).arg(e.rating));
    succeed(std::move(e));
}

void QualityJudge::abort()
{
    if (m_job) {
        m_job->cancel(); // its finished(Cancelled) reaches onAnswer()
        return;
    }
    if (m_readingKeyframes)
        return; // the pool task cannot be interrupted: the watcher finishes the job once it is done
    finish(Error::cancelled());
}

} // namespace diy
