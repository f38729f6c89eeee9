// diy-studio-cli gateway-check [--url U] [--samples FILE] [--timeout-ms N]
// Checks that a TensorZero gateway is ready for the studio: /status, /health and a dry-run
// inference of each function (template arguments from config/gateway-check/samples.json).
#include "CliCommand.h"

#include "tensorzero/GatewayAddress.h"
#include "tensorzero/HealthJob.h"
#include "tensorzero/InferenceJob.h"
#include "tensorzero/StatusJob.h"
#include "tensorzero/TensorZeroClient.h"
#include "util/AtomicFile.h"
#include "util/DataDir.h"
#include "util/JsonParser.h"
#include "util/UrlRedaction.h"

#include <QBuffer>
#include <QEventLoop>
#include <QImage>
#include <QNetworkAccessManager>

#include <memory>

using namespace diy;
using namespace diy::cli;

namespace {

Result<QString> findSamples(const QString &explicitPath)
{
    if (!explicitPath.isEmpty())
        return explicitPath;
    return DataDir::find(QStringLiteral("config/gateway-check/samples.json"));
}

/// Runs a gateway job to its one finished() and keeps it (the command owns it) for its result()
/// and gatewayError().
template <typename GatewayJob>
std::unique_ptr<GatewayJob> await(GatewayJob *started)
{
    std::unique_ptr<GatewayJob> job(started);
    QEventLoop loop; // the CLI has no GUI thread to protect; a local loop keeps the command linear
    QObject::connect(job.get(), &Job::finished, &loop, [&loop](const Status &) { loop.quit(); });
    job->start();
    loop.exec(); // finished() is never emitted from inside start()
    return job;
}

struct Row {
    QString check;
    bool ok;
    QString detail;
};

QByteArray tinyKeyframe()
{
    QImage image(64, 36, QImage::Format_RGB32);
    image.fill(QColor(200, 120, 40));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

int run(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption urlOption(QStringLiteral("url"), QString(), QStringLiteral("url"));
    const QCommandLineOption samplesOption(QStringLiteral("samples"), QString(), QStringLiteral("file"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout-ms"), QString(), QStringLiteral("n"));
    parser.addOptions({urlOption, samplesOption, timeoutOption});
    if (!parseCommandLine(parser, QStringLiteral("gateway-check"), args))
        return ExitUsage;
    if (!parser.positionalArguments().isEmpty()) {
        printErr(QStringLiteral("gateway-check: unexpected argument '%1'. See 'diy-studio-cli gateway-check --help'.")
                     .arg(parser.positionalArguments().first()));
        return ExitUsage;
    }
    const QUrl url = GatewayAddress::resolve(parser.value(urlOption));
    int timeoutMs = 120'000;
    if (parser.isSet(timeoutOption)) {
        bool ok = false;
        timeoutMs = parser.value(timeoutOption).toInt(&ok);
        if (!ok || timeoutMs < 1) {
            printErr(QStringLiteral("gateway-check: --timeout-ms needs a positive whole number of milliseconds."));
            return ExitUsage;
        }
    }
    if (!url.isValid() || url.scheme().isEmpty()) {
        printErr(QStringLiteral("gateway-check: '%1' is not a valid URL.").arg(UrlRedaction::display(url)));
        return ExitUsage;
    }
    const Result<QString> samplesFile = findSamples(parser.value(samplesOption));
    const QString samplesPath = samplesFile.valueOr(QString());
    const Result<QByteArray> samplesBytes = samplesFile ? AtomicFile::read(samplesPath) : Result<QByteArray>(samplesFile.error());
    if (!samplesBytes.ok()) {
        printErr(QStringLiteral("gateway-check: %1").arg(samplesBytes.error().message));
        return ExitBadInput;
    }
    const nlohmann::json samples = JsonParser::parse(*samplesBytes, samplesPath).valueOr(nlohmann::json());
    if (!samples.is_object() || !samples.contains("functions") || !samples["functions"].is_object()) {
        printErr(QStringLiteral("gateway-check: %1 is not valid.").arg(samplesPath));
        return ExitBadInput;
    }

    QNetworkAccessManager network;
    TensorZeroClient::Options options;
    options.baseUrl = url;
    options.inferenceTimeoutMs = timeoutMs;
    options.shortTimeoutMs = std::min(timeoutMs, 15'000);
    options.retry.maxAttempts = 2;
    options.retry.initialDelayMs = 300;
    options.parsedNullRetries = 0;
    TensorZeroClient client(&network, options);

    printOut(QStringLiteral("TensorZero gateway check: %1").arg(UrlRedaction::display(url)));
    QList<Row> rows;
    bool reachable = true;

    const auto statusJob = await(client.status());
    const Result<GatewayStatus> status = statusJob->result();
    if (status.ok())
        rows.append({QStringLiteral("status"), status->status == QStringLiteral("ok"),
                     QStringLiteral("%1, version %2, config %3").arg(status->status, status->version, status->configHash.left(12))});
    else {
        rows.append({QStringLiteral("status"), false, status.error().toString()});
        const TensorZeroError::Code code = statusJob->gatewayError()->code;
        reachable = code != TensorZeroError::Code::Network && code != TensorZeroError::Code::Timeout;
    }

    if (reachable) {
        const Result<GatewayHealth> health = await(client.health())->result();
        if (health.ok()) {
            QStringList parts;
            for (auto it = health->backends.cbegin(); it != health->backends.cend(); ++it)
                parts.append(it.key() + QLatin1Char('=') + it.value());
            rows.append({QStringLiteral("health"), health->healthy, parts.join(QStringLiteral(", "))});
        } else {
            rows.append({QStringLiteral("health"), false, health.error().toString()});
        }
        const QByteArray keyframe = tinyKeyframe();
        for (auto it = samples["functions"].begin(); it != samples["functions"].end(); ++it) {
            InferenceRequest request;
            request.functionName = QString::fromStdString(it.key());
            request.userArguments = it->value("arguments", nlohmann::json::object());
            request.dryrun = true;
            request.stage = QStringLiteral("gateway-check");
            for (int k = 0; k < it->value("keyframes", 0); ++k)
                request.images.append(ImageInput{"image/png", keyframe});
            const auto inference = await(client.infer(request));
            const Result<InferenceResponse> result = inference->result();
            const QString check = QStringLiteral("dry-run %1").arg(request.functionName);
            if (result.ok())
                rows.append({check, true,
                             QStringLiteral("variant %1, %2+%3 tokens")
                                 .arg(result->variantName)
                                 .arg(result->inputTokens)
                                 .arg(result->outputTokens)});
            else
                rows.append({check, false,
                             QStringLiteral("%1: %2").arg(toString(inference->gatewayError()->code), result.error().toString())});
        }
    }

    int width = 6;
    for (const Row &r : std::as_const(rows))
        width = std::max(width, int(r.check.size()));
    printOut(QStringLiteral("  %1  %2  %3")
                 .arg(QStringLiteral("check").leftJustified(width), QStringLiteral("result"), QStringLiteral("detail")));
    bool allOk = reachable;
    for (const Row &r : std::as_const(rows)) {
        printOut(QStringLiteral("  %1  %2  %3")
                     .arg(r.check.leftJustified(width), (r.ok ? QStringLiteral("PASS") : QStringLiteral("FAIL")).leftJustified(6),
                          r.detail));
        allOk = allOk && r.ok;
    }
    if (!reachable) {
        printOut(QStringLiteral("Verdict: NOT READY — the gateway at %1 cannot be reached. Start it with config/tensorzero.toml "
                                "(see the README).")
                     .arg(UrlRedaction::display(url)));
        return ExitUnavailable;
    }
    if (!allOk) {
        printOut(QStringLiteral("Verdict: NOT READY — fix the failed checks above."));
        return ExitFailure;
    }
    printOut(QStringLiteral("Verdict: READY — the gateway serves every function the studio uses."));
    return ExitOk;
}

const CliCommand::Registration registration(CliCommand{
    QStringLiteral("gateway-check"), QStringLiteral("Check a TensorZero gateway: status, health, dry-run of each function"),
    QStringLiteral("Usage: diy-studio-cli gateway-check [--url U] [--samples FILE] [--timeout-ms N]\n\n"
                   "  --url U          gateway address (default: $DIY_TENSORZERO_URL or http://localhost:3000)\n"
                   "  --samples FILE   template arguments per function (default: config/gateway-check/samples.json)\n"
                   "  --timeout-ms N   per-request timeout (default 120000)\n\n"
                   "Exit codes: 0 ready, 1 a check failed, 6 gateway unreachable, 2 usage, 3 bad samples file."),
    run});

} // namespace
