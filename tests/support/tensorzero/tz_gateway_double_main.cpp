// tz-gateway-double: the strict TensorZero gateway double as a separate process, for the UI tests,
// the gateway-check demo and manual runs. Prints "tz-gateway-double listening on port N".
#include "tensorzero/GatewayDouble.h"

#include "TestPaths.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Strict TensorZero gateway double on 127.0.0.1"));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Port (0: any free port)."),
                                        QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption configOption(QStringLiteral("config"), QStringLiteral("tensorzero.toml to load."),
                                          QStringLiteral("file"), diy::test::sourcePath(QStringLiteral("config/tensorzero.toml")));
    const QCommandLineOption fixtureOption(QStringLiteral("fixtures"), QStringLiteral("Fixture folder."), QStringLiteral("dir"),
                                           diy::test::sourcePath(QStringLiteral("tests/data/tensorzero")));
    const QCommandLineOption unhealthyOption(QStringLiteral("unhealthy"),
                                             QStringLiteral("Report this backend as down in /health."), QStringLiteral("backend"));
    const QCommandLineOption noObservabilityOption(
        QStringLiteral("no-observability"), QStringLiteral("Refuse every feedback (400), like a gateway without ClickHouse."));
    parser.addOptions({portOption, configOption, fixtureOption, unhealthyOption, noObservabilityOption});
    parser.process(app);

    diy::test::GatewayDouble gateway(parser.value(configOption), parser.value(fixtureOption));
    if (!gateway.configError().isEmpty()) {
        std::fprintf(stderr, "tz-gateway-double: %s\n", qPrintable(gateway.configError()));
        return 1;
    }
    if (parser.isSet(noObservabilityOption))
        gateway.setObservabilityEnabled(false);
    for (const QString &backend : parser.values(unhealthyOption))
        gateway.setBackendHealthy(backend, false);
    if (!gateway.listen(quint16(parser.value(portOption).toUInt()))) {
        std::fprintf(stderr, "tz-gateway-double: cannot listen on port %s\n", qPrintable(parser.value(portOption)));
        return 1;
    }
    std::printf("tz-gateway-double listening on port %u\n", unsigned(gateway.port()));
    std::fflush(stdout);
    return app.exec();
}
