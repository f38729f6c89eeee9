#include "providers/ApiKeyStore.h"

#include "providers/ApiKeyReadJob.h"
#include "providers/ApiKeyWriteJob.h"
#include "util/Log.h"

namespace diy {

ApiKeyStore::ApiKeyStore(const QString &service, QObject *parent) : QObject(parent), m_service(service) {}

ValueJob<ApiKey> *ApiKeyStore::read(const QString &name, QObject *parent)
{
    return new ApiKeyReadJob(this, name, parent);
}

Job *ApiKeyStore::store(const QString &name, const QString &value, QObject *parent)
{
    return new ApiKeyWriteJob(this, name, value.trimmed(), parent);
}

Job *ApiKeyStore::remove(const QString &name, QObject *parent)
{
    return new ApiKeyWriteJob(this, name, QString(), parent);
}

std::optional<ApiKey> ApiKeyStore::fromEnvironment(const QString &name)
{
    const QString value = qEnvironmentVariable(name.toLatin1().constData()).trimmed();
    if (value.isEmpty())
        return std::nullopt;
    Log::registerSecret(value);
    return ApiKey{name, value, ApiKey::Source::Environment};
}

QString ApiKeyStore::missingKeyMessage(const QString &name)
{
    return QStringLiteral("No API key: set %1 in the environment or enter the key in the studio's Settings "
                          "(it is kept in the system keychain).")
        .arg(name);
}

QString ApiKeyStore::noKeyringMessage(const QString &name)
{
    return QStringLiteral("The system keychain cannot be used (no keyring service such as GNOME Keyring or "
                          "KWallet is running or reachable), so %1 cannot be read from or saved to it. "
                          "Start your desktop's keyring, or set %1 in the environment.")
        .arg(name);
}

std::optional<QString> ApiKeyStore::cached(const QString &name) const
{
    const auto it = m_cache.constFind(name);
    if (it == m_cache.cend())
        return std::nullopt;
    return *it;
}

void ApiKeyStore::remember(const QString &name, const QString &value)
{
    Log::registerSecret(value);
    m_cache.insert(name, value);
}

void ApiKeyStore::forget(const QString &name)
{
    m_cache.remove(name);
}

} // namespace diy
