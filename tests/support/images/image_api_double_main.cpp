// image-api-double: the strict Gemini or OpenAI-compatible images double as a separate process, for
// end-to-end runs of the CLI and manual tries (point DIY_GEMINI_URL / OPENAI_BASE_URL at it).
// Prints "image-api-double <api> listening on port N", then one line per request:
// "request <n> <METHOD> <path> -> <status> [picture]" so a driver can count paid calls.
#include "images/GeminiImageDouble.h"
#include "images/OpenAiImageDouble.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace {

using diy::test::ImageApiDouble;

/// "rate-limited[:count[:hint]]", "unavailable[:count]", "blocked:REASON[:count]", "slow:MS[:count]"…
bool parseFault(const QString &text, ImageApiDouble::Fault *fault, int *count)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    const QString kind = parts.value(0);
    using Kind = ImageApiDouble::Fault::Kind;
    *count = 1;
    auto countAt = [&](int i) { *count = parts.size() > i ? parts[i].toInt() : 1; };
    if (kind == QLatin1String("rate-limited")) {
        fault->kind = Kind::RateLimited;
        countAt(1);
        fault->retryHint = parts.value(2);
    } else if (kind == QLatin1String("unavailable")) {
        fault->kind = Kind::Unavailable;
        countAt(1);
    } else if (kind == QLatin1String("internal")) {
        fault->kind = Kind::InternalError;
        countAt(1);
    } else if (kind == QLatin1String("blocked")) {
        fault->kind = Kind::Blocked;
        fault->reason = parts.value(1);
        countAt(2);
    } else if (kind == QLatin1String("slow")) {
        fault->kind = Kind::Latency;
        fault->latencyMs = parts.value(1).toInt();
        countAt(2);
    } else if (kind == QLatin1String("malformed")) {
        fault->kind = Kind::MalformedBody;
        countAt(1);
    } else if (kind == QLatin1String("not-a-picture")) {
        fault->kind = Kind::NotAPicture;
        countAt(1);
    } else if (kind == QLatin1String("drop")) {
        fault->kind = Kind::DropConnection;
        countAt(1);
    } else {
        return false;
    }
    return *count > 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Strict Gemini / OpenAI-compatible images double on 127.0.0.1"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("api"), QStringLiteral("gemini or openai"));
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Port (0: any free port)."),
                                        QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption keyOption(QStringLiteral("key"), QStringLiteral("The one API key accepted."), QStringLiteral("key"),
                                       QStringLiteral("test-key"));
    const QCommandLineOption faultOption(
        QStringLiteral("fault"),
        QStringLiteral("Fault for the next picture requests, in order: rate-limited[:count[:hint]], "
                       "unavailable[:count], internal[:count], blocked:REASON[:count], slow:MS[:count], "
                       "malformed[:count], not-a-picture[:count], drop[:count]."),
        QStringLiteral("fault"));
    const QCommandLineOption slowOption(QStringLiteral("latency"),
                                        QStringLiteral("Delay every picture answer by MS (slow pictures)."), QStringLiteral("ms"));
    parser.addOptions({portOption, keyOption, faultOption, slowOption});
    parser.process(app);

    const QString api = parser.positionalArguments().value(0);
    ImageApiDouble *server = nullptr;
    if (api == QLatin1String("gemini"))
        server = new diy::test::GeminiImageDouble(&app);
    else if (api == QLatin1String("openai"))
        server = new diy::test::OpenAiImageDouble(&app);
    else {
        std::fprintf(stderr, "image-api-double: say gemini or openai\n");
        return 2;
    }
    server->setApiKey(parser.value(keyOption));
    for (const QString &text : parser.values(faultOption)) {
        ImageApiDouble::Fault fault;
        int count = 1;
        if (!parseFault(text, &fault, &count)) {
            std::fprintf(stderr, "image-api-double: unknown fault '%s'\n", qPrintable(text));
            return 2;
        }
        server->injectFault(fault, count);
    }
    if (parser.isSet(slowOption))
        server->injectFault({ImageApiDouble::Fault::Kind::Latency, parser.value(slowOption).toInt(), {}, {}}, 1'000'000);
    if (!server->listen(quint16(parser.value(portOption).toUInt()))) {
        std::fprintf(stderr, "image-api-double: cannot listen on port %s\n", qPrintable(parser.value(portOption)));
        return 1;
    }
    QObject::connect(server, &ImageApiDouble::requestHandled, server, [server](const QString &path, int status) {
        const auto last = server->requests().constLast();
        std::printf("request %lld %s %s -> %d%s\n", static_cast<long long>(server->requests().size()), last.method.constData(),
                    qPrintable(path), status, last.picture ? " picture" : "");
        std::fflush(stdout);
    });
    std::printf("image-api-double %s listening on port %u\n", qPrintable(api), unsigned(server->port()));
    std::fflush(stdout);
    return app.exec();
}
