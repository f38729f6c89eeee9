#include "providers/ProviderAccessCheck.h"

#include "net/HttpJob.h"
#include "providers/ApiKeyStore.h"
#include "util/Log.h"

namespace diy {

ProviderAccessCheck::ProviderAccessCheck(QNetworkAccessManager *network, ApiKeyStore *keys, QString keyName, QString key,
                                         BuildRequest build, ReadAnswer read, QObject *parent)
    : ValueJob<QString>(parent), m_network(network), m_keys(keys), m_keyName(std::move(keyName)), m_key(key.trimmed()),
      m_build(std::move(build)), m_read(std::move(read))
{
    if (!m_key.isEmpty())
        Log::registerSecret(m_key);
}

ProviderAccessCheck::~ProviderAccessCheck()
{
    if (m_http) {
        m_http->disconnect(this);
        m_http->cancel();
    }
}

void ProviderAccessCheck::run()
{
    if (!m_key.isEmpty() || !m_keys) {
        send(m_key);
        return;
    }
    ValueJob<ApiKey> *job = m_keys->read(m_keyName, this);
    m_keyJob = job;
    connect(job, &Job::finished, this, [this, job] {
        m_keyJob = nullptr;
        job->deleteLater();
        const Result<ApiKey> key = job->result();
        if (!key) {
            finish(key.error());
            return;
        }
        send(key->value);
    });
    job->start();
}

void ProviderAccessCheck::abort()
{
    if (m_keyJob) {
        m_keyJob->disconnect(this);
        m_keyJob->cancel();
        m_keyJob->deleteLater();
    }
    if (m_http) {
        m_http->disconnect(this);
        m_http->cancel();
    }
    finish(Error::cancelled());
}

void ProviderAccessCheck::send(const QString &key)
{
    if (key.isEmpty()) {
        Error e;
        e.kind = Error::Kind::Auth;
        e.message = ApiKeyStore::missingKeyMessage(m_keyName);
        finish(e);
        return;
    }
    auto *job = new HttpJob(m_network, m_build(key), this);
    m_http = job;
    connect(job, &HttpJob::finished, this, [this, job](const Status &) {
        m_http = nullptr;
        const Result<HttpResponse> answer = job->result();
        job->deleteLater(); // the creator owns the job
        if (!answer) {
            finish(answer.error());
            return;
        }
        Result<QString> read = m_read(*answer);
        if (!read) {
            finish(read.error());
            return;
        }
        succeed(*read);
    });
    job->start();
}

} // namespace diy
