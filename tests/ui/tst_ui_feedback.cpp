// Feedback under the player: a thumbs-up is queued as user_satisfaction=true for the project's
// episode, its state is shown, the vote can be changed; without an episode the vote stays in the
// project and the panel says it will be sent after an AI run.
#include "StudioFixture.h"
#include "common/ProjectDocument.h"
#include "feedback/FeedbackPanel.h"
#include "feedback/FeedbackTransport.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QtTest>

using namespace diy;
using namespace diy::ui;

namespace {

class RecordingTransport : public FeedbackTransport {
public:
    struct Item {
        QString metric;
        QVariant value;
        QString episode;
        Delivery delivery;
    };
    QString enqueue(const QString &metric, const QVariant &value, const QString &episodeId) override
    {
        const QString id = QStringLiteral("item-%1").arg(items.size());
        items.insert(id, Item{metric, value, episodeId, {}});
        order << id;
        return id;
    }
    std::optional<Delivery> delivery(const QString &id) const override
    {
        if (!items.contains(id))
            return std::nullopt;
        return items.value(id).delivery;
    }
    void flush() override { ++flushes; }
    void setState(const QString &id, State state, const QString &message = {})
    {
        items[id].delivery = {state, message};
        emit deliveryChanged(id);
    }
    QHash<QString, Item> items;
    QStringList order;
    int flushes = 0;
};

} // namespace

class TestUiFeedback : public QObject {
    Q_OBJECT
private slots:
    void thumbsUpQueuedForEpisode()
    {
        RecordingTransport transport;
        test::StudioFixture f(&transport);
        f.openExampleCopy();
        auto *doc = f.window()->document();
        doc->update(ProjectDocument::RenderAspect | ProjectDocument::FeedbackAspect, [](Project &p) {
            p.episodeId = QStringLiteral("0192ced0-947e-74b3-a3d7-02fd2c54d637");
            p.lastRender = RenderRecord{QStringLiteral("renders/x.mp4"), {}, 1000, {}, {}};
        });
        f.window()->showPage(MainWindow::WatchPageIndex);
        auto *up = f.find<QToolButton>(QStringLiteral("thumbsUpButton"));
        auto *state = f.find<QLabel>(QStringLiteral("feedbackStateLabel"));
        QVERIFY(up->isEnabled());
        up->click();
        QCOMPARE(transport.order.size(), 1);
        const auto item = transport.items.value(transport.order.first());
        QCOMPARE(item.metric, QStringLiteral("user_satisfaction"));
        QCOMPARE(item.value, QVariant(true));
        QCOMPARE(item.episode, QStringLiteral("0192ced0-947e-74b3-a3d7-02fd2c54d637"));
        QVERIFY(transport.flushes > 0);
        QVERIFY2(state->text().contains(QStringLiteral("sent when the AI service")), qPrintable(state->text()));
        transport.setState(transport.order.first(), FeedbackTransport::State::Failed,
                           QStringLiteral("The gateway did not answer."));
        QVERIFY(state->text().contains(QStringLiteral("The gateway did not answer.")));
        transport.setState(transport.order.first(), FeedbackTransport::State::Sent);
        QVERIFY(state->text().contains(QStringLiteral("sent")));
        QCOMPARE(doc->project().feedback.vote, QStringLiteral("up"));

        // Change the vote.
        f.find<QToolButton>(QStringLiteral("thumbsDownButton"))->click();
        QCOMPARE(transport.order.size(), 2);
        QCOMPARE(transport.items.value(transport.order.last()).value, QVariant(false));
        QCOMPARE(doc->project().feedback.vote, QStringLiteral("down"));
        QVERIFY(!up->isChecked());
        QCOMPARE(doc->project().feedback.outboxIds.size(), 2);
    }

    void newRenderStartsClean()
    {
        // A vote and comment belong to the video they were given on (its inputs hash); a render of
        // other inputs starts clean and the old rating moves to the history.
        RecordingTransport transport;
        test::StudioFixture f(&transport);
        f.openExampleCopy();
        auto *doc = f.window()->document();
        doc->update(ProjectDocument::RenderAspect, [](Project &p) {
            p.episodeId = QStringLiteral("0192ced0-947e-74b3-a3d7-02fd2c54d637");
            p.recordRender(RenderRecord{QStringLiteral("renders/a.mp4"), QStringLiteral("hash-a"), 1000, {}, {}});
        });
        f.window()->showPage(MainWindow::WatchPageIndex);
        auto *up = f.find<QToolButton>(QStringLiteral("thumbsUpButton"));
        auto *state = f.find<QLabel>(QStringLiteral("feedbackStateLabel"));
        auto *comment = f.find<QLineEdit>(QStringLiteral("feedbackCommentEdit"));
        up->click();
        comment->setText(QStringLiteral("Too fast in step 2"));
        f.find<QPushButton>(QStringLiteral("sendCommentButton"))->click();
        for (const QString &id : std::as_const(transport.order))
            transport.setState(id, FeedbackTransport::State::Sent);
        QVERIFY(state->text().contains(QStringLiteral("sent")));
        QCOMPARE(doc->project().feedback.renderHash, QStringLiteral("hash-a"));

        // The same video again (nothing changed): the rating stays.
        doc->update(ProjectDocument::RenderAspect, [](Project &p) {
            p.recordRender(RenderRecord{QStringLiteral("renders/a.mp4"), QStringLiteral("hash-a"), 1000, {}, {}});
        });
        QVERIFY(up->isChecked());

        // A new video: clean.
        doc->update(ProjectDocument::RenderAspect, [](Project &p) {
            p.recordRender(RenderRecord{QStringLiteral("renders/b.mp4"), QStringLiteral("hash-b"), 1000, {}, {}});
        });
        QVERIFY(!up->isChecked());
        QVERIFY(!f.find<QToolButton>(QStringLiteral("thumbsDownButton"))->isChecked());
        QVERIFY(comment->text().isEmpty());
        QVERIFY2(!state->text().contains(QStringLiteral("sent")), qPrintable(state->text()));
        const Project &p = doc->project();
        QVERIFY(p.feedback.vote.isEmpty());
        QCOMPARE(p.feedback.renderHash, QStringLiteral("hash-b"));
        QCOMPARE(p.feedbackHistory.size(), 1);
        QCOMPARE(p.feedbackHistory.first().vote, QStringLiteral("up"));
        QCOMPARE(p.feedbackHistory.first().comment, QStringLiteral("Too fast in step 2"));
        QCOMPARE(p.feedbackHistory.first().renderHash, QStringLiteral("hash-a"));
        // The history is saved with the project.
        FieldProblems problems;
        const Project reread = Project::fromJson(p.toJson(), &problems);
        QVERIFY(problems.isEmpty());
        QCOMPARE(reread.feedbackHistory, p.feedbackHistory);
        QCOMPARE(reread.feedback, p.feedback);
    }

    void offlineProjectKeepsVote()
    {
        RecordingTransport transport;
        test::StudioFixture f(&transport);
        f.openExampleCopy();
        auto *doc = f.window()->document();
        doc->update(ProjectDocument::RenderAspect, [](Project &p) {
            p.episodeId.clear();
            p.lastRender = RenderRecord{QStringLiteral("renders/x.mp4"), {}, 1000, {}, {}};
        });
        f.find<QToolButton>(QStringLiteral("thumbsUpButton"))->click();
        QCOMPARE(transport.order.size(), 0); // no invented ids
        QCOMPARE(doc->project().feedback.vote, QStringLiteral("up"));
        QVERIFY(f.find<QLabel>(QStringLiteral("feedbackStateLabel"))->text().contains(QStringLiteral("uses an AI feature")));
    }
};

QTEST_MAIN(TestUiFeedback)
#include "tst_ui_feedback.moc"
