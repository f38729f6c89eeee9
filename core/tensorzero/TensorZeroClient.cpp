#include "tensorzero/TensorZeroClient.h"

#include "tensorzero/FeedbackJob.h"
#include "tensorzero/HealthJob.h"
#include "tensorzero/InferenceJob.h"
#include "tensorzero/StatusJob.h"

namespace diy {

TensorZeroClient::TensorZeroClient(QNetworkAccessManager *network, Options options, QObject *parent)
    : QObject(parent), m_network(network), m_options(std::move(options))
{
}

InferenceJob *TensorZeroClient::infer(const InferenceRequest &request, QObject *parent)
{
    return new InferenceJob(this, request, parent ? parent : this);
}

FeedbackJob *TensorZeroClient::feedback(const FeedbackRequest &request, QObject *parent)
{
    return new FeedbackJob(this, request, parent ? parent : this);
}

StatusJob *TensorZeroClient::status(QObject *parent)
{
    return new StatusJob(this, parent ? parent : this);
}

HealthJob *TensorZeroClient::health(QObject *parent)
{
    return new HealthJob(this, parent ? parent : this);
}

QUrl TensorZeroClient::endpoint(const QString &path) const
{
    QUrl url = m_options.baseUrl;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    return url;
}

void TensorZeroClient::record(const InferenceRecord &record)
{
    m_records.append(record);
    emit inferenceRecorded(record);
}

} // namespace diy
