// diy-studio-cli feedback flush|list [--url U] [--folder DIR]
// Lists or sends the feedback waiting in the on-disk outbox (the studio's thumbs and comments).
#include "CliCommand.h"

#include "tensorzero/FeedbackOutbox.h"
#include "tensorzero/GatewayAddress.h"
#include "tensorzero/OutboxFolder.h"
#include "tensorzero/TensorZeroClient.h"
#include "util/Log.h"

#include <QEventLoop>
#include <QNetworkAccessManager>

using namespace diy;
using namespace diy::cli;

namespace {

void printItems(const QList<FeedbackItem> &items)
{
    if (items.isEmpty()) {
        printOut(QStringLiteral("The feedback outbox is empty."));
        return;
    }
    printOut(QStringLiteral("  %1  %2  %3  %4  %5  %6")
                 .arg(QStringLiteral("id").leftJustified(36), QStringLiteral("state").leftJustified(7),
                      QStringLiteral("metric").leftJustified(22), QStringLiteral("value").leftJustified(8),
                      QStringLiteral("tries"), QStringLiteral("message")));
    for (const FeedbackItem &i : items) {
        printOut(QStringLiteral("  %1  %2  %3  %4  %5  %6")
                     .arg(i.id.leftJustified(36), toString(i.state).leftJustified(7), i.metric.leftJustified(22),
                          i.value.toString().left(8).leftJustified(8), QString::number(i.attempts).leftJustified(5), i.userMessage));
    }
}

int run(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption urlOption(QStringLiteral("url"), QString(), QStringLiteral("url"));
    const QCommandLineOption folderOption(QStringLiteral("folder"), QString(), QStringLiteral("dir"));
    parser.addOptions({urlOption, folderOption});
    parser.addPositionalArgument(QStringLiteral("action"), QString());
    if (!parseCommandLine(parser, QStringLiteral("feedback"), args))
        return ExitUsage;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || (positional.first() != QStringLiteral("flush") && positional.first() != QStringLiteral("list"))) {
        printErr(QStringLiteral("feedback: say 'flush' or 'list'. See 'diy-studio-cli feedback --help'."));
        return ExitUsage;
    }
    const QString action = positional.first();
    const QUrl url = GatewayAddress::resolve(parser.value(urlOption));
    const QString folder = OutboxFolder::resolve(parser.value(folderOption));
    QNetworkAccessManager network;
    TensorZeroClient::Options options;
    options.baseUrl = url;
    options.retry.maxAttempts = 2;
    TensorZeroClient client(&network, options);
    FeedbackOutbox outbox(folder, &client);
    for (const QString &line : outbox.setAside())
        printErr(QStringLiteral("warning: %1").arg(line));

    if (action == QStringLiteral("list")) {
        printItems(outbox.items());
        return ExitOk;
    }
    QEventLoop loop;
    QObject::connect(&outbox, &FeedbackOutbox::flushed, &loop, &QEventLoop::quit);
    outbox.flush();
    if (outbox.isFlushing())
        loop.exec();
    printItems(outbox.items());
    int failed = 0, waiting = 0;
    for (const FeedbackItem &i : outbox.items()) {
        failed += i.state == FeedbackItem::State::Failed;
        waiting += i.state == FeedbackItem::State::Queued;
    }
    if (waiting > 0) {
        printOut(QStringLiteral("%1 feedback item(s) could not be sent now; they stay queued.").arg(waiting));
        return ExitUnavailable;
    }
    if (failed > 0) {
        printOut(QStringLiteral("%1 feedback item(s) were refused by the gateway; see the messages above.").arg(failed));
        return ExitFailure;
    }
    printOut(QStringLiteral("All feedback sent."));
    return ExitOk;
}

const CliCommand::Registration registration(CliCommand{
    QStringLiteral("feedback"), QStringLiteral("List or send the queued TensorZero feedback"),
    QStringLiteral("Usage: diy-studio-cli feedback flush|list [--url U] [--folder DIR]\n\n"
                   "  list            show every queued, failed or sending item\n"
                   "  flush           send what is queued now\n"
                   "  --url U         gateway address (default: $DIY_TENSORZERO_URL or http://localhost:3000)\n"
                   "  --folder DIR    outbox folder (default: $DIY_FEEDBACK_OUTBOX or the app data folder)\n\n"
                   "Exit codes: 0 all sent, 1 some refused (kept for review), 6 some still queued (gateway unreachable)."),
    run});

} // namespace
