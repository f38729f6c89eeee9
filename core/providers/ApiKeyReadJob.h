#pragma once

#include "providers/ApiKey.h"
#include "util/Job.h"

#include <QPointer>

namespace QKeychain {
class Job;
}

namespace diy {

class ApiKeyStore;

/// Reads one API key: the environment, then the session cache, then the OS keychain
/// (QtKeychain's asynchronous ReadPasswordJob). Made by ApiKeyStore::read().
class ApiKeyReadJob : public ValueJob<ApiKey> {
    Q_OBJECT
public:
    ApiKeyReadJob(ApiKeyStore *store, const QString &name, QObject *parent);
    ~ApiKeyReadJob() override;

protected:
    void run() override;
    void abort() override;

private:
    void onKeychainFinished();

    QPointer<ApiKeyStore> m_store;
    QString m_name;
    QPointer<QKeychain::Job> m_keychain;
};

} // namespace diy
