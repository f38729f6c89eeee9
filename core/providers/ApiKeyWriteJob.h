#pragma once

#include "util/Job.h"

#include <QPointer>

namespace QKeychain {
class Job;
}

namespace diy {

class ApiKeyStore;

/// Stores (or, with an empty value, removes) one API key in the OS keychain through QtKeychain's
/// asynchronous jobs. Made by ApiKeyStore::store() and remove().
class ApiKeyWriteJob : public Job {
    Q_OBJECT
public:
    ApiKeyWriteJob(ApiKeyStore *store, const QString &name, const QString &value, QObject *parent);
    ~ApiKeyWriteJob() override;

protected:
    void run() override;
    void abort() override;

private:
    void onKeychainFinished();

    QPointer<ApiKeyStore> m_store;
    QString m_name;
    QString m_value;
    QPointer<QKeychain::Job> m_keychain;
};

} // namespace diy
