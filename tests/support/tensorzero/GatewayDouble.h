#pragma once

#include "GatewayConfig.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QUrl>

#include <nlohmann/json.hpp>

class QTcpServer;
class QTcpSocket;

namespace diy::test {

/// A strict TensorZero gateway on 127.0.0.1 for tests: a real HTTP server that loads our
/// config/tensorzero.toml and enforces the rules of docs/tensorzero-api.md (unknown fields,
/// target rules, block forms, UUIDv7 episode ids, unknown function/variant/metric → 404, template
/// arguments against the function's schemas, metric level and value type, ids that exist).
/// Variants are sampled by the configured weights, deterministically per (function, episode).
/// Outputs come from fixture files tests/data/tensorzero/<function>/output.json (or
/// <function>/<variant>.json), validated against the output schema like the gateway does.
/// Answers depend on the request where a model's would (InferenceAnswer). Images need an
/// [object_storage] section (else 500); usage.cost is null without cost tables; feedback is
/// refused (400) while observability is off. Connections are kept alive as HTTP/1.1 does.
/// Every request is recorded; faults can be injected for the next N requests.
class GatewayDouble : public QObject {
    Q_OBJECT
public:
    struct Fault {
        enum class Kind {
            Latency,
            RateLimited,
            BadGateway,
            Unavailable,
            InternalError,
            MalformedBody,
            ParsedNull,
            DropConnection,
            Hold,              ///< never answered, nothing stored; recorded (status 0) when the client goes away
            StoreThenHold,     ///< handled and stored like any request, but the answer never leaves
            AcceptedWithoutId, ///< /feedback: stores the feedback like the real gateway, then answers 200 `{}`
        };
        Kind kind = Kind::Latency;
        int latencyMs = 0;     ///< Latency: delay before answering normally
        QByteArray retryAfter; ///< RateLimited: the Retry-After header value ("1", an HTTP-date, or empty)
    };
    struct Recorded {
        QByteArray method;
        QString path;
        QMap<QByteArray, QByteArray> headers; ///< lower-case names
        QByteArray body;
        nlohmann::json json;         ///< null when the body was not JSON
        QByteArray httpVersion;      ///< "HTTP/1.1"
        int status = 0;              ///< what the double answered (0: dropped or never sent)
        bool withholdAnswer = false; ///< StoreThenHold: handled, answer not sent
        QString error;               ///< the error message sent, if any
    };
    struct AcceptedFeedback {
        QString feedbackId;
        QString metric;
        nlohmann::json value;
        QString targetId;
        QMap<QString, QString> tags;
    };

    explicit GatewayDouble(QObject *parent = nullptr);
    /// Same, with an explicit config and fixture folder.
    GatewayDouble(const QString &configPath, const QString &fixtureDir, QObject *parent = nullptr);
    ~GatewayDouble() override;

    bool listen(quint16 port = 0);
    quint16 port() const;
    QUrl url() const;
    QString configError() const { return m_config.error; }
    const GatewayConfig &config() const { return m_config; }

    /// The next `count` requests to `path` ("/inference", "/feedback"…; empty: any) get `fault`.
    void injectFault(const QString &path, Fault fault, int count = 1);
    void clearFaults();
    void setBackendHealthy(const QString &backend, bool healthy);
    void setVersion(const QString &version) { m_version = version; }
    /// Off: every feedback is refused with 400, as by a gateway without ClickHouse.
    void setObservabilityEnabled(bool enabled) { m_observability = enabled; }
    /// On: answer `Connection: close` and close after every response (off: HTTP/1.1 keep-alive).
    void setCloseAfterEachResponse(bool close) { m_closeAfterEachResponse = close; }
    /// TCP connections accepted so far.
    int connectionCount() const { return m_connections; }

    QList<Recorded> requests() const { return m_requests; }
    QList<Recorded> requests(const QString &path) const;
    QList<AcceptedFeedback> acceptedFeedback() const { return m_feedback; }
    QStringList inferenceIds() const { return QStringList(m_inferences.begin(), m_inferences.end()); }
    void clearRecords();

    /// The variant the double picks for (function, episode) without a pin.
    QString sampleVariant(const QString &function, const QString &episodeId) const;
    static QString newUuidV7();
    /// Empty when `id` is an acceptable UUIDv7 (version 7, RFC variant, 2020 ≤ time ≤ now).
    static QString checkUuidV7(const QString &id);

signals:
    /// A request was answered (or dropped) and recorded.
    void requestHandled(const QString &path, int status);
    /// A request is being held (Hold, StoreThenHold): the test can now act on the client.
    void requestHeld(const QString &path);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void onDisconnected(QTcpSocket *socket);
    void takeRequest(QTcpSocket *socket);
    void dispatch(QTcpSocket *socket, Recorded request);
    void handle(QTcpSocket *socket, Recorded request, std::optional<Fault> fault);
    void respond(QTcpSocket *socket, Recorded &request, int status, const nlohmann::json &body,
                 const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {});
    void respondRaw(QTcpSocket *socket, Recorded &request, int status, const QByteArray &body,
                    const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {});
    void handleInference(QTcpSocket *socket, Recorded &request, std::optional<Fault> fault);
    void handleFeedback(QTcpSocket *socket, Recorded &request, std::optional<Fault> fault);
    std::optional<Fault> takeFault(const QString &path);

    GatewayConfig m_config;
    QString m_fixtureDir;
    QTcpServer *m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QSet<QTcpSocket *> m_busy;
    QHash<QTcpSocket *, Recorded> m_held;
    int m_connections = 0;
    bool m_closeAfterEachResponse = false;
    bool m_observability = true;
    struct FaultEntry {
        QString path;
        Fault fault;
        int remaining = 0;
    };
    QList<FaultEntry> m_faults;
    QList<Recorded> m_requests;
    QList<AcceptedFeedback> m_feedback;
    QSet<QString> m_inferences;
    QSet<QString> m_episodes;
    QMap<QString, bool> m_backends;
    QString m_version = QStringLiteral("2026.1.0-double");
};

} // namespace diy::test
