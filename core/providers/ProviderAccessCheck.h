#pragma once

#include "net/HttpRequest.h"
#include "net/HttpResponse.h"
#include "util/Job.h"

#include <QPointer>

#include <functional>

class QNetworkAccessManager;

namespace diy {

class ApiKeyStore;
class HttpJob;

/// A provider's "Test" button: with the given key (or the stored one), one cheap authenticated
/// request (a model listing, no picture); the provider turns the answer into a sentence or an error.
class ProviderAccessCheck : public ValueJob<QString> {
    Q_OBJECT
public:
    using BuildRequest = std::function<HttpRequest(const QString &key)>;
    using ReadAnswer = std::function<Result<QString>(const HttpResponse &answer)>;

    ProviderAccessCheck(QNetworkAccessManager *network, ApiKeyStore *keys, QString keyName, QString key, BuildRequest build,
                        ReadAnswer read, QObject *parent);
    ~ProviderAccessCheck() override;

protected:
    void run() override;
    void abort() override;

private:
    void send(const QString &key);

    QNetworkAccessManager *m_network;
    QPointer<ApiKeyStore> m_keys;
    QString m_keyName;
    QString m_key;
    BuildRequest m_build;
    ReadAnswer m_read;
    QPointer<Job> m_keyJob;
    QPointer<HttpJob> m_http;
};

} // namespace diy
