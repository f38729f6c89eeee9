#include "providers/ApiKeyReadJob.h"

#include "providers/ApiKeyStore.h"

#include <qt6keychain/keychain.h>

namespace diy {

ApiKeyReadJob::ApiKeyReadJob(ApiKeyStore *store, const QString &name, QObject *parent)
    : ValueJob<ApiKey>(parent), m_store(store), m_name(name)
{
}

ApiKeyReadJob::~ApiKeyReadJob()
{
    if (m_keychain)
        m_keychain->disconnect(this);
}

void ApiKeyReadJob::run()
{
    if (auto key = ApiKeyStore::fromEnvironment(m_name)) {
        succeed(*key);
        return;
    }
    if (!m_store) {
        finish(Error::internal(QStringLiteral("The key store is gone.")));
        return;
    }
    if (auto value = m_store->cached(m_name)) {
        succeed(ApiKey{m_name, *value, ApiKey::Source::Keychain});
        return;
    }
    // Not parented to this job: a QtKeychain job must outlive its backend callback; it deletes itself.
    auto *job = new QKeychain::ReadPasswordJob(m_store->service());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(m_name);
    m_keychain = job;
    connect(job, &QKeychain::Job::finished, this, &ApiKeyReadJob::onKeychainFinished);
    job->start();
}

void ApiKeyReadJob::abort()
{
    if (m_keychain) {
        m_keychain->disconnect(this); // a QtKeychain job cannot be stopped; its answer is ignored
        m_keychain = nullptr;
    }
    finish(Error::cancelled());
}

void ApiKeyReadJob::onKeychainFinished()
{
    auto *job = qobject_cast<QKeychain::ReadPasswordJob *>(m_keychain.data());
    m_keychain = nullptr;
    if (!job)
        return;
    Error error;
    error.kind = Error::Kind::Auth;
    error.detail = QStringLiteral("keychain %1/%2: %3").arg(job->service(), m_name, job->errorString());
    switch (job->error()) {
    case QKeychain::NoError: {
        const QString value = job->textData().trimmed();
        if (value.isEmpty())
            break;
        if (m_store)
            m_store->remember(m_name, value);
        succeed(ApiKey{m_name, value, ApiKey::Source::Keychain});
        return;
    }
    case QKeychain::EntryNotFound: break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        error.message = QStringLiteral("The system keychain refused access to %1. Allow DIY Video Studio in the "
                                       "keyring prompt, or set %1 in the environment.")
                            .arg(m_name);
        finish(error);
        return;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
    case QKeychain::CouldNotDeleteEntry:
        error.message = ApiKeyStore::noKeyringMessage(m_name);
        finish(error);
        return;
    }
    error.message = ApiKeyStore::missingKeyMessage(m_name);
    finish(error);
}

} // namespace diy
