#include "ai/ScriptWriter.h"

#include "ai/InferencePricing.h"
#include "model/JsonReader.h"
#include "tensorzero/InferenceJob.h"
#include "tensorzero/TensorZeroClient.h"
#include "util/Log.h"

namespace diy {

using nlohmann::json;

namespace {

bool fallbackCanHelp(TensorZeroError::Code code)
{
    switch (code) {
    case TensorZeroError::Code::ParsedNull:
    case TensorZeroError::Code::Timeout:
    case TensorZeroError::Code::GatewayTimeout:
    case TensorZeroError::Code::AllVariantsFailed: return true;
    default: return false;
    }
}

QString describe(const TensorZeroError &e)
{
    switch (e.code) {
    case TensorZeroError::Code::ParsedNull: return QStringLiteral("its answer did not match the script structure");
    case TensorZeroError::Code::Timeout:
    case TensorZeroError::Code::GatewayTimeout: return QStringLiteral("it did not answer in time");
    case TensorZeroError::Code::AllVariantsFailed: return QStringLiteral("every model provider failed (502)");
    default: return e.error.message;
    }
}

} // namespace

ScriptWriter::ScriptWriter(TensorZeroClient *client, Brief brief, Episode episode, Options options, QObject *parent)
    : ValueJob<ScriptDraft>(parent), m_client(client), m_brief(std::move(brief)), m_episode(std::move(episode)),
      m_options(std::move(options))
{
}

ScriptWriter::~ScriptWriter()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
    }
}

json ScriptWriter::userArguments(const Brief &brief)
{
    return json{{"description", toStd(brief.description.trimmed())},
                {"content_mode", toStd(Brief::contentModeId(brief.contentMode))},
                {"target_duration_seconds", brief.targetDurationSeconds},
                {"expected_steps", brief.expectedSteps},
                {"host_character", toStd(brief.hostCharacter.trimmed())},
                {"video_format", toStd(brief.format.id())},
                {"language", toStd(brief.language.trimmed())}};
}

void ScriptWriter::run()
{
    if (!m_client) {
        finish(Error::invalidInput(QStringLiteral("No TensorZero gateway is set up: add its address in Settings or set "
                                                  "DIY_TENSORZERO_URL, or write the script yourself.")));
        return;
    }
    const FieldProblems problems = m_brief.validate();
    if (!problems.isEmpty()) {
        finish(Error::invalidInput(
            QStringLiteral("Fix the brief first: %1 (%2)").arg(problems.first().message, problems.first().path),
            problemLines(problems).join(QLatin1Char('\n'))));
        return;
    }
    attempt(!m_options.pinnedVariant.isEmpty() && m_options.pinnedVariant == m_options.fallbackVariant);
}

void ScriptWriter::attempt(bool fallback)
{
    InferenceRequest request;
    request.functionName = AiFunctions::scriptGenerator();
    request.episode = m_episode;
    request.userArguments = userArguments(m_brief);
    request.stage = QStringLiteral("script");
    request.variantName = fallback ? m_options.fallbackVariant : m_options.pinnedVariant;
    // Invalid output is retried here, on the fallback variant, not again on the same one.
    request.parsedNullRetries = 0;
    if (!fallback) {
        // A timeout or 502 goes straight to the fallback instead of repeating the same variant
        // (the episode would sample it again); the fallback attempt keeps the client's retries.
        request.retry = RetryPolicy::none();
        if (m_options.firstAttemptTimeoutMs > 0)
            request.timeoutMs = m_options.firstAttemptTimeoutMs;
    }
    reportProgress(fallback ? 0.5 : 0.05,
                   fallback ? QStringLiteral("Writing the script (second try)") : QStringLiteral("Writing the script"));
    m_attemptClock.start();
    m_job = m_client->infer(request, this);
    connect(m_job, &Job::finished, this, [this, fallback, job = m_job.data()](const Status &) {
        job->deleteLater(); // created here: deleted here
        onAnswer(*job, fallback);
    });
    m_job->start();
}

void ScriptWriter::onAnswer(const InferenceJob &job, bool fallback)
{
    m_job = nullptr;
    const Result<InferenceResponse> answer = job.result();
    if (cancelRequested()) {
        finish(Error::cancelled());
        return;
    }
    if (!answer.ok()) {
        const TensorZeroError e = *job.gatewayError(); // always there once the job failed
        if (e.isCancelled()) {
            finish(Error::cancelled());
            return;
        }
        if (e.code == TensorZeroError::Code::ParsedNull) {
            // Paid for: the record comes from the client (InferenceJob records every answered attempt).
            const QList<InferenceRecord> records = m_client ? m_client->records() : QList<InferenceRecord>{};
            if (!records.isEmpty() && records.last().functionName == AiFunctions::scriptGenerator()) {
                InferenceRecord spent = records.last();
                InferencePricing::price(spent, m_options.prices);
                m_spent.append(spent);
                if (m_firstVariant.isEmpty())
                    m_firstVariant = spent.variantName;
            }
        }
        if (!fallbackCanHelp(e.code)) {
            Error error = e.error;
            if (e.code == TensorZeroError::Code::Network)
                error.message = QStringLiteral("The TensorZero gateway cannot be reached. Start it with config/tensorzero.toml "
                                               "(see the README) or set DIY_TENSORZERO_URL; or write the script yourself.");
            finish(error);
            return;
        }
        retryOrFail(describe(e), e.error, fallback);
        return;
    }

    const InferenceResponse &response = answer.value();
    InferenceRecord record = InferencePricing::record(response, AiFunctions::scriptGenerator(), QStringLiteral("script"),
                                                      m_attemptClock.elapsed(), m_options.prices);
    if (m_firstVariant.isEmpty())
        m_firstVariant = response.variantName;
    FieldProblems problems;
    auto script = Script::fromJson(response.parsed, {}, &problems);
    record.outputValid = script.ok();
    m_spent.append(record);
    if (!script) {
        logWarning(QStringLiteral("script_generator (%1) answered a script that fails validation: %2")
                       .arg(response.variantName, problemLines(problems).join(QStringLiteral("; "))));
        retryOrFail(QStringLiteral("its script did not pass the checks (%1)")
                        .arg(problems.isEmpty() ? QString() : problems.first().path + QLatin1Char(' ') + problems.first().message),
                    script.error(), fallback);
        return;
    }
    ScriptDraft draft;
    draft.script = std::move(script.value());
    draft.origin = record;
    draft.episodeId = response.episodeId;
    draft.usedFallback = fallback;
    draft.firstFailure = m_firstFailure;
    logInfo(QStringLiteral("Script written by %1 (%2+%3 tokens, %4 ms)")
                .arg(record.variantName)
                .arg(record.inputTokens)
                .arg(record.outputTokens)
                .arg(record.durationMs));
    succeed(std::move(draft));
}

void ScriptWriter::retryOrFail(const QString &why, const Error &error, bool fallback)
{
    const QString variant = m_firstVariant.isEmpty() ? QStringLiteral("the sampled variant") : m_firstVariant;
    if (!fallback) {
        m_firstFailure = QStringLiteral("The AI script writer (%1) failed: %2.").arg(variant, why);
        logWarning(m_firstFailure + QStringLiteral(" Trying once more with %1.").arg(m_options.fallbackVariant));
        attempt(true);
        return;
    }
    Error e = error;
    e.message = QStringLiteral("The AI could not write the script: %1%2. Try again later, pick another variant in "
                               "Settings, or write the script yourself.")
                    .arg(m_firstFailure.isEmpty() ? QString()
                                                  : m_firstFailure + QStringLiteral(" The retry with ")
                                                        + m_options.fallbackVariant + QStringLiteral(" failed too: "),
                         why);
    e.detail = error.detail;
    e.retryable = true;
    finish(e);
}

void ScriptWriter::abort()
{
    if (m_job) {
        m_job->cancel(); // its finished(Cancelled) reaches onAnswer()
        return;
    }
    finish(Error::cancelled());
}

} // namespace diy
