// Test helper for tst_feedback_outbox: enqueues one user_satisfaction feedback into an outbox
// folder and flushes it, so the test can SIGKILL this process while the request is in flight.
//   tz-outbox-child <folder> <gateway-url> <episode-id>
#include "tensorzero/FeedbackOutbox.h"
#include "tensorzero/TensorZeroClient.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4)
        return 2;
    QNetworkAccessManager network;
    diy::TensorZeroClient::Options options;
    options.baseUrl = QUrl(args[2]);
    diy::TensorZeroClient client(&network, options);
    diy::FeedbackOutbox outbox(args[1], &client);
    const QString id = outbox.enqueue(diy::FeedbackItem::userSatisfaction(args[3], true));
    std::printf("%s\n", qPrintable(id));
    std::fflush(stdout);
    QObject::connect(&outbox, &diy::FeedbackOutbox::flushed, &app, [&app] { app.quit(); });
    outbox.flush();
    return app.exec();
}
