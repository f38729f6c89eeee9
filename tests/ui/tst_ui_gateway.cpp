// The studio against the strict gateway double, as a creator uses it: render, vote (offline: kept),
// AI review (opens the episode; its score goes out as video_quality_score), the kept vote reaches
// the gateway, and a changed vote does too.
#include "StudioFixture.h"
#include "TzTestSupport.h"
#include "common/ProjectDocument.h"
#include "feedback/AiReviewPanel.h"
#include "feedback/FeedbackPanel.h"
#include "feedback/OutboxFeedbackTransport.h"
#include "progress/RenderController.h"
#include "settings/SettingsDialog.h"
#include "tensorzero/FeedbackOutbox.h"
#include "tensorzero/GatewayDouble.h"
#include "tensorzero/StatusJob.h"
#include "tensorzero/TensorZeroClient.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QToolButton>
#include <QtTest>

using namespace diy;
using namespace diy::ui;

namespace {

int countFeedback(const test::GatewayDouble &gateway, const QString &metric, const nlohmann::json &value, const QString &target)
{
    int n = 0;
    for (const auto &f : gateway.acceptedFeedback())
        if (f.metric == metric && f.value == value && f.targetId == target)
            ++n;
    return n;
}

} // namespace

class TestUiGateway : public QObject {
    Q_OBJECT
private slots:
    void thumbsUpReachesTheGateway()
    {
        test::GatewayDouble gateway;
        QVERIFY2(gateway.configError().isEmpty(), qPrintable(gateway.configError()));
        QVERIFY(gateway.listen());

        QNetworkAccessManager network;
        TensorZeroClient::Options options;
        options.baseUrl = gateway.url();
        TensorZeroClient client(&network, options);
        QTemporaryDir outboxDir;
        FeedbackOutbox::Options outboxOptions;
        outboxOptions.backoff = RetryPolicy{0, 50, 2.0, 500, 0.0, 0};
        FeedbackOutbox outbox(outboxDir.path(), &client, outboxOptions);
        OutboxFeedbackTransport transport(&outbox);

        test::StudioFixture f(&transport);
        f.window()->setAiServices(&client, &outbox);
        f.openTinyProject(3);

        // Render from the UI.
        auto *controller = f.window()->renderController();
        QSignalSpy rendered(controller, &RenderController::finished);
        f.window()->showPage(MainWindow::RenderPageIndex);
        f.find<QPushButton>(QStringLiteral("startRenderButton"))->click();
        QVERIFY(rendered.wait(240000));
        QVERIFY(f.window()->document()->project().lastRender.has_value());

        // An offline project: the vote is kept and nothing is sent yet.
        auto *up = f.find<QToolButton>(QStringLiteral("thumbsUpButton"));
        QVERIFY(up && up->isEnabled());
        up->click();
        QCOMPARE(f.window()->document()->project().feedback.vote, QStringLiteral("up"));
        QVERIFY(f.find<QLabel>(QStringLiteral("feedbackStateLabel"))
                    ->text()
                    .contains(QStringLiteral("once this project uses an AI feature")));
        QVERIFY(gateway.requests(QStringLiteral("/feedback")).isEmpty());

        // The AI review: keyframes as file blocks, template arguments only, no episode id on the first call.
        auto *panel = f.find<AiReviewPanel>(QStringLiteral("aiReviewPanel"));
        QVERIFY(panel);
        QSignalSpy reviewed(panel, &AiReviewPanel::reviewFinished);
        auto *review = f.find<QPushButton>(QStringLiteral("aiReviewButton"));
        QVERIFY(review->isEnabled());
        review->click();
        QVERIFY(reviewed.wait(30000));
        QCOMPARE(reviewed.first().first().toBool(), true);
        const auto inferences = gateway.requests(QStringLiteral("/inference"));
        QCOMPARE(inferences.size(), 1);
        const nlohmann::json body = inferences.first().json;
        QCOMPARE(QString::fromStdString(body.at("function_name").get<std::string>()), QStringLiteral("video_evaluator"));
        QVERIFY(!body.contains("episode_id"));
        QCOMPARE(inferences.first().status, 200);
        const auto &content = body.at("input").at("messages").at(0).at("content");
        int files = 0;
        int keyframeCount = -1;
        for (const auto &block : content) {
            if (block.at("type") == "file")
                ++files;
            if (block.at("type") == "text" && block.contains("arguments"))
                keyframeCount = block.at("arguments").at("keyframe_count").get<int>();
        }
        QCOMPARE(files, 6);
        QCOMPARE(keyframeCount, 6);

        const Project &p = f.window()->document()->project();
        QVERIFY(!p.episodeId.isEmpty());
        QCOMPARE(p.evaluations.size(), std::size_t(1));
        QCOMPARE(p.inferences.size(), 1);
        QVERIFY(f.find<QLabel>(QStringLiteral("aiReviewSummary"))->text().contains(QStringLiteral("/10")));

        // The judge's score and the kept vote reach the gateway, for the right targets.
        const QString episode = p.episodeId;
        const QString inference = p.inferences.first().inferenceId;
        const double score = p.evaluations.at(0).at("score").get<double>();
        QTRY_COMPARE_WITH_TIMEOUT(countFeedback(gateway, QStringLiteral("user_satisfaction"), true, episode), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(countFeedback(gateway, QStringLiteral("video_quality_score"), score, inference), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(f.find<QLabel>(QStringLiteral("feedbackStateLabel"))->text().contains(QStringLiteral("sent")),
                                 10000);

        // Changing the vote sends the new one for the same episode.
        f.find<QToolButton>(QStringLiteral("thumbsDownButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(countFeedback(gateway, QStringLiteral("user_satisfaction"), false, episode), 1, 10000);
        QCOMPARE(countFeedback(gateway, QStringLiteral("user_satisfaction"), true, episode), 1);
        QCOMPARE(outbox.pendingCount(), 0);

        // A re-render of an edited script starts clean: no vote, no "sent", no review of the old
        // video; the old rating and review stay in the project's history.
        const QString firstHash = f.window()->document()->project().lastRender->inputsHash;
        f.window()->document()->edit(QStringLiteral("Edit"), ProjectDocument::ScriptAspect, [](Project &pr) {
            pr.script->steps[0].narration = QStringLiteral("A different first step, spoken differently this time.");
        });
        f.window()->showPage(MainWindow::RenderPageIndex);
        f.find<QPushButton>(QStringLiteral("startRenderButton"))->click();
        QVERIFY(rendered.wait(240000));
        const Project &after = f.window()->document()->project();
        QVERIFY(after.lastRender->inputsHash != firstHash);
        QVERIFY(after.feedback.vote.isEmpty());
        QCOMPARE(after.feedback.renderHash, after.lastRender->inputsHash);
        QCOMPARE(after.feedbackHistory.size(), 1);
        QCOMPARE(after.feedbackHistory.first().vote, QStringLiteral("down"));
        QCOMPARE(after.feedbackHistory.first().renderHash, firstHash);
        QCOMPARE(after.evaluations.size(), std::size_t(1));
        QVERIFY(!f.find<QToolButton>(QStringLiteral("thumbsUpButton"))->isChecked());
        QVERIFY(!f.find<QToolButton>(QStringLiteral("thumbsDownButton"))->isChecked());
        const QString state = f.find<QLabel>(QStringLiteral("feedbackStateLabel"))->text();
        QVERIFY2(!state.contains(QStringLiteral("sent")), qPrintable(state));
        QCOMPARE(f.find<QLabel>(QStringLiteral("aiReviewSummary"))->text(), QStringLiteral("Not reviewed yet."));
    }

    void newGatewayAddressAppliesToTheRunningClient()
    {
        // README: settings (gateway URL, …); a changed address is used by the next request.
        QVERIFY2(qEnvironmentVariableIsEmpty("DIY_TENSORZERO_URL"), "the environment would override the setting");
        test::GatewayDouble first;
        test::GatewayDouble second;
        QVERIFY(first.listen() && second.listen());
        QNetworkAccessManager network;
        TensorZeroClient::Options options;
        options.baseUrl = first.url();
        TensorZeroClient client(&network, options);
        QTemporaryDir outboxDir;
        FeedbackOutbox outbox(outboxDir.path(), &client);
        test::StudioFixture f;
        f.window()->setAiServices(&client, &outbox);

        f.window()->findChild<QAction *>(QStringLiteral("settingsAction"))->trigger();
        auto *dialog = f.find<SettingsDialog>(QStringLiteral("settingsDialog"));
        QVERIFY(dialog);
        auto *edit = f.find<QLineEdit>(QStringLiteral("gatewayUrlEdit"));
        QVERIFY(edit);
        edit->selectAll();
        QTest::keyClicks(edit, second.url().toString());
        f.find<QDialogButtonBox>(QStringLiteral("settingsButtons"))->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(client.options().baseUrl, second.url());

        // The running client's next request goes to the new address.
        const auto status = test::runJob<Result<GatewayStatus>>(client.status());
        QVERIFY(status && status->ok());
        QCOMPARE(second.requests(QStringLiteral("/status")).size(), 1);
        QCOMPARE(first.requests().size(), 0);
    }
};

QTEST_MAIN(TestUiGateway)
#include "tst_ui_gateway.moc"
