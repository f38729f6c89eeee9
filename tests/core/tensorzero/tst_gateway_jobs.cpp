// The one job contract (util/Job.h) for every gateway job: InferenceJob, FeedbackJob, StatusJob and
// HealthJob, against the strict gateway double on 127.0.0.1. Exactly one finished(), never from
// inside start() or cancel(); result() typed; the creator owns the job (no self-delete); cancel()
// finishes Cancelled after the request stopped; deleting a running job is silent.
#include "TzTestSupport.h"

#include "model/JsonReader.h"
#include "net/HttpJob.h"
#include "tensorzero/FeedbackJob.h"
#include "tensorzero/HealthJob.h"
#include "tensorzero/InferenceJob.h"
#include "tensorzero/StatusJob.h"

#include <QFile>
#include <QSignalSpy>

#include <type_traits>

using namespace diy;
using namespace diy::test;
using json = nlohmann::json;

// One job contract: every gateway job is a ValueJob whose result() is typed.
static_assert(std::is_base_of_v<ValueJob<InferenceResponse>, InferenceJob>);
static_assert(std::is_base_of_v<ValueJob<QString>, FeedbackJob>);
static_assert(std::is_base_of_v<ValueJob<GatewayStatus>, StatusJob>);
static_assert(std::is_base_of_v<ValueJob<GatewayHealth>, HealthJob>);
static_assert(std::is_same_v<decltype(std::declval<const InferenceJob &>().result()), Result<InferenceResponse>>);
static_assert(std::is_same_v<decltype(std::declval<const FeedbackJob &>().result()), Result<QString>>);
static_assert(std::is_same_v<decltype(std::declval<const StatusJob &>().result()), Result<GatewayStatus>>);
static_assert(std::is_same_v<decltype(std::declval<const HealthJob &>().result()), Result<GatewayHealth>>);

class TestGatewayJobs : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<GatewayDouble> m_gateway;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TensorZeroClient> m_client;

    static InferenceRequest scriptRequest(const Episode &episode = Episode(QStringLiteral("proj-1")))
    {
        InferenceRequest r;
        r.functionName = QStringLiteral("script_generator");
        r.episode = episode;
        r.userArguments = scriptArguments();
        r.stage = QStringLiteral("script");
        return r;
    }
    std::optional<GatewayOutcome<InferenceResponse>> infer(const InferenceRequest &r, const char *file = __builtin_FILE(),
                                                           int line = __builtin_LINE())
    {
        return runGatewayJob(m_client->infer(r), file, line);
    }
    std::optional<GatewayOutcome<QString>> feedback(const FeedbackRequest &r, const char *file = __builtin_FILE(),
                                                    int line = __builtin_LINE())
    {
        return runGatewayJob(m_client->feedback(r), file, line);
    }
    static json fixture(const QString &function)
    {
        QFile f(sourcePath(QStringLiteral("tests/data/tensorzero/%1/output.json").arg(function)));
        if (!f.open(QIODevice::ReadOnly))
            return nullptr;
        return json::parse(f.readAll().toStdString());
    }
    /// Opens an episode with one inference and returns its id (a feedback needs a known target).
    QString openEpisode()
    {
        Episode episode;
        const auto answer = infer(scriptRequest(episode));
        return answer && answer->result.ok() ? episode.id() : QString();
    }
    static void gatewayRoutes()
    {
        QTest::addColumn<QString>("route");
        for (const char *route : {"/inference", "/feedback", "/status", "/health"})
            QTest::newRow(route) << QString::fromLatin1(route);
    }
    /// A gateway job for `route`, owned by `owner`, seen through its Job base.
    Job *gatewayJob(const QString &route, const QString &episode, QObject *owner)
    {
        if (route == QStringLiteral("/inference"))
            return m_client->infer(scriptRequest(), owner);
        if (route == QStringLiteral("/feedback"))
            return m_client->feedback(
                FeedbackRequest::boolean(QStringLiteral("user_satisfaction"), true, FeedbackRequest::Target::Episode, episode),
                owner);
        if (route == QStringLiteral("/status"))
            return m_client->status(owner);
        return m_client->health(owner);
    }
    /// The finished job's typed value, through the concrete class's result().
    static QString typedValue(Job *job, const QString &route)
    {
        if (route == QStringLiteral("/inference"))
            return toQString(qobject_cast<InferenceJob *>(job)->result()->parsed.value("title", std::string()));
        if (route == QStringLiteral("/feedback"))
            return *qobject_cast<FeedbackJob *>(job)->result();
        if (route == QStringLiteral("/status"))
            return qobject_cast<StatusJob *>(job)->result()->status;
        return qobject_cast<HealthJob *>(job)->result()->healthy ? QStringLiteral("healthy") : QStringLiteral("unhealthy");
    }
    QString expectedValue(const QString &route) const
    {
        if (route == QStringLiteral("/inference"))
            return toQString(fixture(QStringLiteral("script_generator")).value("title", std::string()));
        if (route == QStringLiteral("/feedback"))
            return m_gateway->acceptedFeedback().isEmpty() ? QString() : m_gateway->acceptedFeedback().last().feedbackId;
        if (route == QStringLiteral("/status"))
            return QStringLiteral("ok");
        return QStringLiteral("healthy");
    }
    /// The finished job's gatewayError(), through the concrete class.
    static std::optional<TensorZeroError> typedFailure(Job *job, const QString &route)
    {
        if (route == QStringLiteral("/inference"))
            return qobject_cast<InferenceJob *>(job)->gatewayError();
        if (route == QStringLiteral("/feedback"))
            return qobject_cast<FeedbackJob *>(job)->gatewayError();
        if (route == QStringLiteral("/status"))
            return qobject_cast<StatusJob *>(job)->gatewayError();
        return qobject_cast<HealthJob *>(job)->gatewayError();
    }
    /// Whether the concrete class's typed result() holds a Cancelled error.
    static bool typedResultCancelled(Job *job, const QString &route)
    {
        if (route == QStringLiteral("/inference"))
            return qobject_cast<InferenceJob *>(job)->result().error().isCancelled();
        if (route == QStringLiteral("/feedback"))
            return qobject_cast<FeedbackJob *>(job)->result().error().isCancelled();
        if (route == QStringLiteral("/status"))
            return qobject_cast<StatusJob *>(job)->result().error().isCancelled();
        return qobject_cast<HealthJob *>(job)->result().error().isCancelled();
    }
    /// A cancelled job: status(), the typed result() and gatewayError() all say Cancelled.
    static void checkCancelled(Job *job, const QString &route)
    {
        QVERIFY(job->isFinished());
        QVERIFY(job->status().error().isCancelled());
        QVERIFY(typedResultCancelled(job, route));
        const std::optional<TensorZeroError> typed = typedFailure(job, route);
        QVERIFY(typed.has_value());
        QCOMPARE(int(typed->code), int(TensorZeroError::Code::Cancelled));
        QVERIFY(!typed->retryable());
    }
    /// Delivers everything already posted (a deferred delete or a second finished() included): posts
    /// a deleteLater() behind them and waits for it. An event, not a pause.
    static void drainPostedEvents()
    {
        QPointer<QObject> sentinel = new QObject;
        sentinel->deleteLater();
        QTRY_VERIFY_WITH_TIMEOUT(sentinel.isNull(), kHungJobMs);
    }

private slots:
    void init()
    {
        m_gateway = std::make_unique<GatewayDouble>();
        QVERIFY2(m_gateway->configError().isEmpty(), qPrintable(m_gateway->configError()));
        QVERIFY(m_gateway->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_client = std::make_unique<TensorZeroClient>(m_network.get(), fastOptions(m_gateway->url()));
    }
    void cleanup()
    {
        m_client.reset();
        m_network.reset();
        m_gateway.reset();
    }

    void everyGatewayJobKeepsTheJobContract_data()
    {
        QTest::addColumn<QString>("route");
        QTest::addColumn<bool>("fails");
        for (const char *route : {"/inference", "/feedback", "/status", "/health"}) {
            QTest::addRow("%s answered", route) << QString::fromLatin1(route) << false;
            QTest::addRow("%s failed", route) << QString::fromLatin1(route) << true; // HTTP 500: final, no retry
        }
    }
    void everyGatewayJobKeepsTheJobContract()
    {
        QFETCH(QString, route);
        QFETCH(bool, fails);
        QObject owner;
        const QString episode = route == QStringLiteral("/feedback") ? openEpisode() : QString();
        if (fails)
            m_gateway->injectFault(route, {GatewayDouble::Fault::Kind::InternalError}, 1);
        QPointer<Job> job = gatewayJob(route, episode, &owner);
        QVERIFY(job);
        QCOMPARE(job->parent(), &owner); // the creator owns it
        int emissions = 0;
        connect(job, &Job::finished, this, [&emissions](const Status &) { ++emissions; });
        job->start();
        job->start();           // a second call does nothing
        QCOMPARE(emissions, 0); // never from inside start()
        QTRY_COMPARE_WITH_TIMEOUT(emissions, 1, kHungJobMs);
        QVERIFY2(job, "the job deleted itself: its creator owns it");
        if (fails) {
            QVERIFY(!job->status());
            const std::optional<TensorZeroError> typed = typedFailure(job, route);
            QVERIFY(typed.has_value());
            QCOMPARE(int(typed->code), int(TensorZeroError::Code::InternalError));
            QCOMPARE(typed->httpStatus, 500);
            QCOMPARE(typed->error.message, job->status().error().message);
        } else {
            QVERIFY2(job->status(), qPrintable(job->status() ? QString() : job->status().error().toString()));
            QCOMPARE(job->progress().fraction, 1.0);
            QCOMPARE(typedValue(job, route), expectedValue(route));
            QVERIFY(!typedFailure(job, route).has_value());
        }
        // No self-delete, no second finished(): everything the job queued is delivered, and it stays.
        drainPostedEvents();
        QVERIFY(job);
        job->cancel(); // cancelling a finished job does nothing
        drainPostedEvents();
        QVERIFY(job);
        QCOMPARE(emissions, 1);
        QCOMPARE(bool(job->status()), !fails);
        QCOMPARE(m_gateway->requests(route).size(), 1);
    }

    void cancelWhileTheRequestIsInFlightFinishesOnceCancelled_data() { gatewayRoutes(); }
    void cancelWhileTheRequestIsInFlightFinishesOnceCancelled()
    {
        QFETCH(QString, route);
        QObject owner;
        const QString episode = route == QStringLiteral("/feedback") ? openEpisode() : QString();
        const int recordsBefore = int(m_client->records().size());
        // The double holds the request until the client goes away: cancel while it is held.
        m_gateway->injectFault(route, {GatewayDouble::Fault::Kind::Hold}, 1);
        QSignalSpy held(m_gateway.get(), &GatewayDouble::requestHeld);
        QSignalSpy handled(m_gateway.get(), &GatewayDouble::requestHandled);
        QPointer<Job> job = gatewayJob(route, episode, &owner);
        int emissions = 0;
        bool requestStillRunning = true;
        connect(job, &Job::finished, this, [&, job](const Status &) {
            ++emissions;
            // Finished only after the work stopped: no HTTP exchange of the job is still running.
            requestStillRunning = false;
            for (const HttpJob *http : job->findChildren<HttpJob *>())
                requestStillRunning = requestStillRunning || http->isRunning();
        });
        job->start();
        QTRY_COMPARE_WITH_TIMEOUT(held.count(), 1, kHungJobMs);
        QVERIFY(job->isRunning());
        job->cancel();
        QCOMPARE(emissions, 0); // never from inside cancel()
        QTRY_COMPARE_WITH_TIMEOUT(emissions, 1, kHungJobMs);
        QVERIFY2(job, "the job deleted itself: its creator owns it");
        QVERIFY(!requestStillRunning);
        checkCancelled(job, route);
        // The held request ends on the double's side (nothing was answered), and nothing else comes.
        QTRY_COMPARE_WITH_TIMEOUT(handled.count(), 1, kHungJobMs);
        QCOMPARE(handled.first().at(1).toInt(), 0);
        drainPostedEvents();
        QVERIFY(job); // the owner deletes it, not the job itself
        QCOMPARE(emissions, 1);
        QCOMPARE(m_gateway->requests(route).size(), 1);
        QCOMPARE(int(m_client->records().size()), recordsBefore); // nothing answered, nothing recorded
    }

    void cancelBeforeItRunsSendsNothing_data()
    {
        QTest::addColumn<QString>("route");
        QTest::addColumn<bool>("started");
        for (const char *route : {"/inference", "/feedback", "/status", "/health"}) {
            QTest::addRow("%s never started", route) << QString::fromLatin1(route) << false;
            QTest::addRow("%s started", route) << QString::fromLatin1(route) << true;
        }
    }
    void cancelBeforeItRunsSendsNothing()
    {
        QFETCH(QString, route);
        QFETCH(bool, started);
        QObject owner;
        const QString episode = route == QStringLiteral("/feedback") ? openEpisode() : QString();
        m_gateway->clearRecords();
        QPointer<Job> job = gatewayJob(route, episode, &owner);
        int emissions = 0;
        connect(job, &Job::finished, this, [&emissions](const Status &) { ++emissions; });
        if (started)
            job->start(); // the work begins on the next event-loop turn: cancel() comes first
        job->cancel();
        job->cancel(); // a second cancel does nothing
        QCOMPARE(emissions, 0);
        QTRY_COMPARE_WITH_TIMEOUT(emissions, 1, kHungJobMs);
        QVERIFY2(job, "the job deleted itself: its creator owns it");
        checkCancelled(job, route);
        QVERIFY(job->findChildren<HttpJob *>().isEmpty()); // no request was ever made
        job->start();                                      // starting a finished job does nothing
        drainPostedEvents();
        QCOMPARE(emissions, 1);
        QVERIFY(job);
        QVERIFY(m_gateway->requests().isEmpty());
    }

    void deletingARunningJobStopsItSilently_data() { gatewayRoutes(); }
    void deletingARunningJobStopsItSilently()
    {
        QFETCH(QString, route);
        const QString episode = route == QStringLiteral("/feedback") ? openEpisode() : QString();
        m_gateway->injectFault(route, {GatewayDouble::Fault::Kind::Hold}, 1);
        QSignalSpy held(m_gateway.get(), &GatewayDouble::requestHeld);
        QSignalSpy handled(m_gateway.get(), &GatewayDouble::requestHandled);
        auto owner = std::make_unique<QObject>();
        Job *job = gatewayJob(route, episode, owner.get());
        int emissions = 0;
        connect(job, &Job::finished, this, [&emissions](const Status &) { ++emissions; });
        job->start();
        QTRY_COMPARE_WITH_TIMEOUT(held.count(), 1, kHungJobMs);
        owner.reset();                                             // deletes the running job
        QTRY_COMPARE_WITH_TIMEOUT(handled.count(), 1, kHungJobMs); // the request stopped
        QCOMPARE(handled.first().at(1).toInt(), 0);
        drainPostedEvents();
        QCOMPARE(emissions, 0);
    }

    void retriesAreReportedAsProgress()
    {
        m_gateway->injectFault(QStringLiteral("/inference"), {GatewayDouble::Fault::Kind::Unavailable}, 1);
        QObject owner;
        auto *job = m_client->infer(scriptRequest(), &owner);
        QStringList messages;
        connect(job, &Job::progressChanged, this, [&messages](const JobProgress &p) { messages.append(p.message); });
        const auto answer = runGatewayJob(job);
        QVERIFY(answer);
        QVERIFY(answer->result.ok());
        QCOMPARE(m_gateway->requests(QStringLiteral("/inference")).size(), 2);
        QVERIFY2(!messages.filter(QStringLiteral("trying again")).isEmpty(), qPrintable(messages.join(QLatin1Char('|'))));
    }

    void feedbackWithoutAnIdIsMalformedAndNotRetried()
    {
        const QString episode = openEpisode();
        m_gateway->injectFault(QStringLiteral("/feedback"), {GatewayDouble::Fault::Kind::AcceptedWithoutId, 0, {}}, 1);
        const auto answer = feedback(
            FeedbackRequest::boolean(QStringLiteral("user_satisfaction"), true, FeedbackRequest::Target::Episode, episode));
        QVERIFY(answer);
        QVERIFY(!answer->result.ok());
        QCOMPARE(int(answer->gatewayError->code), int(TensorZeroError::Code::MalformedResponse));
        QVERIFY(!answer->result.error().retryable);
        QCOMPARE(int(answer->result.error().kind), int(Error::Kind::Server));
        QCOMPARE(m_gateway->requests(QStringLiteral("/feedback")).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestGatewayJobs)
#include "tst_gateway_jobs.moc"
