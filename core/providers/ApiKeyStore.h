#pragma once

#include "providers/ApiKey.h"
#include "util/Job.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <optional>

namespace diy {

/// Where the providers' API keys come from: the environment first (GEMINI_API_KEY,
/// OPENAI_API_KEY…), then the OS keychain through QtKeychain (Secret Service, KWallet, macOS
/// Keychain, Windows Credential Store). Every call is an asynchronous job; nothing blocks the GUI
/// thread. Keys are never written anywhere else (QtKeychain's plain-text fallback is off) and
/// every key read or stored is registered with the log's redaction.
///
/// A key read from the keychain is kept in memory for the session, so the second picture of a run
/// does not ask the keyring again.
class ApiKeyStore : public QObject {
    Q_OBJECT
public:
    /// `service`: the keychain service name the entries are filed under (tests use their own).
    explicit ApiKeyStore(const QString &service = QStringLiteral("diy-studio"), QObject *parent = nullptr);

    QString service() const { return m_service; }

    /// The key `name` from the environment or the keychain. Fails with Error::Kind::Auth and a
    /// message naming the variable when there is none, and with a clear message when no keyring
    /// service runs. A new job, not started, owned by `parent`.
    ValueJob<ApiKey> *read(const QString &name, QObject *parent);
    /// Stores `value` in the keychain under `name` (an empty value removes the entry).
    Job *store(const QString &name, const QString &value, QObject *parent);
    /// Removes the keychain entry `name` (an absent entry is not an error).
    Job *remove(const QString &name, QObject *parent);

    /// The key from the environment, when set and not blank.
    static std::optional<ApiKey> fromEnvironment(const QString &name);

    /// The message for "no key anywhere" (also used by the settings pages).
    static QString missingKeyMessage(const QString &name);
    /// The message for "the keychain cannot be used", with what to do instead.
    static QString noKeyringMessage(const QString &name);

signals:
    /// A key was stored or removed in the keychain.
    void keyChanged(const QString &name);

private:
    friend class ApiKeyReadJob;
    friend class ApiKeyWriteJob;

    std::optional<QString> cached(const QString &name) const;
    void remember(const QString &name, const QString &value);
    void forget(const QString &name);

    QString m_service;
    QHash<QString, QString> m_cache;
};

} // namespace diy
