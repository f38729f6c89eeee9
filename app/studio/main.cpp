// diy-studio: the Widgets studio. The one place where objects are created and wired together.
#include "MainWindow.h"
#include "common/Icons.h"
#include "common/Theme.h"
#include "feedback/OutboxFeedbackTransport.h"
#include "providers/ApiKeyStore.h"
#include "providers/GeminiImageGenerator.h"
#include "providers/OpenAiImageGenerator.h"
#include "settings/StudioSettings.h"
#include "tensorzero/FeedbackOutbox.h"
#include "tensorzero/GatewayAddress.h"
#include "tensorzero/OutboxFolder.h"
#include "tensorzero/TensorZeroClient.h"
#include "util/Log.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QNetworkAccessManager>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("DIY Video Studio"));
    QApplication::setApplicationName(QStringLiteral("diy-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("DIY Video Studio"));
    QApplication::setApplicationVersion(QStringLiteral(DIY_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Turns a one-line brief into a narrated, captioned DIY tutorial video."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption example(QStringLiteral("example"), QStringLiteral("Open the bundled example project."));
    const QCommandLineOption verbose(QStringLiteral("verbose"), QStringLiteral("Log debug messages."));
    parser.addOption(example);
    parser.addOption(verbose);
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("A project folder to open."),
                                 QStringLiteral("[project]"));
    parser.process(app);

    diy::Log::Options logOptions;
    logOptions.directory = diy::Log::defaultDirectory();
    logOptions.verbose = parser.isSet(verbose);
    diy::Log::init(logOptions);
    diy::logInfo(QStringLiteral("DIY Video Studio %1 starting").arg(QStringLiteral(DIY_VERSION)));

    diy::ui::Icons::initResources();
    diy::ui::StudioSettings settings;
    diy::ui::Theme::apply(settings.theme());

    // The AI layer: one network manager, one gateway client, and the feedback outbox (on disk, so
    // no rating is lost while the gateway is down; what is queued is sent at start-up).
    QNetworkAccessManager network;
    diy::TensorZeroClient::Options gatewayOptions;
    gatewayOptions.baseUrl = diy::GatewayAddress::resolve({}, settings.gatewayUrl());
    diy::TensorZeroClient gateway(&network, gatewayOptions);
    diy::FeedbackOutbox outbox(diy::OutboxFolder::resolve(), &gateway); // shared with diy-studio-cli feedback
    diy::ui::OutboxFeedbackTransport transport(&outbox);

    // AI pictures: keys from the environment or the OS keychain; base URLs from DIY_GEMINI_URL and
    // OPENAI_BASE_URL when set.
    diy::ApiKeyStore keys;
    diy::GeminiImageGenerator gemini(&network, &keys);
    diy::OpenAiImageGenerator openai(&network, &keys);

    diy::ui::MainWindow window(&settings, &transport);
    window.setAiServices(&gateway, &outbox);
    window.setImageProviders(&keys, {&gemini, &openai});
    window.show();
    outbox.flush();

    const QStringList args = parser.positionalArguments();
    if (!args.isEmpty())
        window.openProject(QDir(args.first()).absolutePath());
    else if (parser.isSet(example))
        window.openExample();
    return app.exec();
}
