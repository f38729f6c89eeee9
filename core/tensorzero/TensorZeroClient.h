#pragma once

#include "model/InferenceRecord.h"
#include "net/RetryPolicy.h"
#include "tensorzero/FeedbackRequest.h"
#include "tensorzero/GatewayAddress.h"
#include "tensorzero/InferenceRequest.h"

#include <QList>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace diy {

class FeedbackJob;
class HealthJob;
class InferenceJob;
class StatusJob;

/// The studio's TensorZero gateway client. Creates the gateway jobs (the Job contract, see
/// GatewayCall); all share the injected QNetworkAccessManager. Never logs credentials. A job is
/// owned by `parent` (the client when none is given) and never deletes itself: delete it in the
/// finished handler.
///
///   auto *job = client->infer(request, this);
///   connect(job, &Job::finished, this, [this, job](const Status &) {
///       job->deleteLater();
///       onInferenceFinished(job->result()); // Result<InferenceResponse>; job->gatewayError() for the typed failure
///   });
///   job->start();
class TensorZeroClient : public QObject {
    Q_OBJECT
public:
    struct Options {
        QUrl baseUrl = QUrl(GatewayAddress::builtIn());
        int inferenceTimeoutMs = 10 * 60 * 1000; ///< per attempt; long: script generation with fallbacks is slow
        int shortTimeoutMs = 30 * 1000;          ///< feedback, status, health
        RetryPolicy retry;                       ///< 408/429/502/503/504, timeouts, dropped connections
        int parsedNullRetries = 1;               ///< extra inferences when output.parsed is null
    };

    TensorZeroClient(QNetworkAccessManager *network, Options options, QObject *parent = nullptr);

    InferenceJob *infer(const InferenceRequest &request, QObject *parent = nullptr);
    FeedbackJob *feedback(const FeedbackRequest &request, QObject *parent = nullptr);
    StatusJob *status(QObject *parent = nullptr);
    HealthJob *health(QObject *parent = nullptr);

    const Options &options() const { return m_options; }
    void setOptions(const Options &options) { m_options = options; }
    QNetworkAccessManager *network() const { return m_network; }
    QUrl endpoint(const QString &path) const;

    /// Usage and cost of every answered inference of this client's lifetime, oldest first.
    QList<InferenceRecord> records() const { return m_records; }
    void record(const InferenceRecord &record);

signals:
    void inferenceRecorded(const diy::InferenceRecord &record);

private:
    QNetworkAccessManager *m_network;
    Options m_options;
    QList<InferenceRecord> m_records;
};

} // namespace diy
