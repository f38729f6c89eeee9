#include "providers/ApiKeyWriteJob.h"

#include "providers/ApiKeyStore.h"
#include "util/Log.h"

#include <qt6keychain/keychain.h>

namespace diy {

ApiKeyWriteJob::ApiKeyWriteJob(ApiKeyStore *store, const QString &name, const QString &value, QObject *parent)
    : Job(parent), m_store(store), m_name(name), m_value(value)
{
    if (!m_value.isEmpty())
        Log::registerSecret(m_value);
}

ApiKeyWriteJob::~ApiKeyWriteJob()
{
    if (m_keychain)
        m_keychain->disconnect(this);
}

void ApiKeyWriteJob::run()
{
    if (!m_store) {
        finish(Error::internal(QStringLiteral("The key store is gone.")));
        return;
    }
    QKeychain::Job *job = nullptr;
    if (m_value.isEmpty()) {
        auto *remove = new QKeychain::DeletePasswordJob(m_store->service()); // deletes itself when done
        job = remove;
    } else {
        auto *write = new QKeychain::WritePasswordJob(m_store->service()); // deletes itself when done
        write->setTextData(m_value);
        job = write;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file
    job->setKey(m_name);
    m_keychain = job;
    connect(job, &QKeychain::Job::finished, this, &ApiKeyWriteJob::onKeychainFinished);
    job->start();
}

void ApiKeyWriteJob::abort()
{
    if (m_keychain) {
        m_keychain->disconnect(this);
        m_keychain = nullptr;
    }
    finish(Error::cancelled());
}

void ApiKeyWriteJob::onKeychainFinished()
{
    QKeychain::Job *job = m_keychain;
    m_keychain = nullptr;
    if (!job)
        return;
    const QKeychain::Error code = job->error();
    if (code == QKeychain::NoError || (m_value.isEmpty() && code == QKeychain::EntryNotFound)) {
        if (m_store) {
            if (m_value.isEmpty())
                m_store->forget(m_name);
            else
                m_store->remember(m_name, m_value);
            emit m_store->keyChanged(m_name);
        }
        finish(Status{});
        return;
    }
    Error error;
    error.kind = Error::Kind::Auth;
    error.detail = QStringLiteral("keychain %1/%2: %3").arg(job->service(), m_name, job->errorString());
    if (code == QKeychain::AccessDenied || code == QKeychain::AccessDeniedByUser)
        error.message = QStringLiteral("The system keychain refused to store %1. Allow DIY Video Studio in the "
                                       "keyring prompt, or set %1 in the environment.")
                            .arg(m_name);
    else
        error.message = ApiKeyStore::noKeyringMessage(m_name);
    finish(error);
}

} // namespace diy
