#pragma once

#include <QByteArray>
#include <QColor>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSize>
#include <QString>
#include <QUrl>

#include <nlohmann/json.hpp>

#include <optional>

class QTcpServer;
class QTcpSocket;

namespace diy::test {

/// The plumbing shared by the picture-API doubles (GeminiImageDouble, OpenAiImageDouble): a real
/// HTTP/1.1 server on 127.0.0.1 (one request per connection, Connection: close), every request
/// recorded, faults injected for the next N picture requests, and pictures made from the request
/// (a small PNG whose colour comes from the prompt and whose size from the asked aspect ratio).
class ImageApiDouble : public QObject {
    Q_OBJECT
public:
    struct Fault {
        enum class Kind {
            Latency,        ///< answer normally after latencyMs (a slow server)
            RateLimited,    ///< 429 with the provider's quota body; retryHint = RetryInfo / Retry-After
            Unavailable,    ///< 503 "overloaded"
            InternalError,  ///< 500
            Blocked,        ///< a safety refusal; reason = finishReason / "PROMPT:<blockReason>" / OpenAI code
            MalformedBody,  ///< 200 with a truncated JSON body
            NotAPicture,    ///< 200, well-formed, but the "picture" is random bytes
            DamagedPicture, ///< 200, well-formed, PNG signature followed by garbage
            DropConnection, ///< the connection is closed without an answer
        };
        Kind kind = Kind::Latency;
        int latencyMs = 0;
        QString retryHint;
        QString reason;
    };
    struct Recorded {
        QByteArray method;
        QString path;
        QString query;
        QMap<QByteArray, QByteArray> headers; ///< lower-case names
        QByteArray body;
        nlohmann::json json;   ///< null when the body was not JSON
        int status = 0;        ///< what the double answered (0: dropped)
        QString error;         ///< the error message sent, if any
        bool picture = false;  ///< a picture was delivered (a paid call)
        qint64 receivedMs = 0; ///< monotonic clock when the request was complete
    };

    explicit ImageApiDouble(QObject *parent = nullptr);
    ~ImageApiDouble() override;

    bool listen(quint16 port = 0);
    quint16 port() const;
    QUrl url() const;

    /// The one key the double accepts (default "test-key").
    void setApiKey(const QString &key) { m_apiKey = key; }
    QString apiKey() const { return m_apiKey; }

    /// The next `count` picture requests get `fault` (key checks and downloads are not affected).
    void injectFault(Fault fault, int count = 1);
    void clearFaults() { m_faults.clear(); }

    QList<Recorded> requests() const { return m_requests; }
    /// Picture requests received (answered, refused or dropped).
    int pictureRequests() const;
    /// Pictures delivered: what a real provider would bill.
    int picturesServed() const;
    void clearRecords() { m_requests.clear(); }
    /// Answer picture requests of models that take response_format with a link even when
    /// b64_json was asked for (some compatible servers ignore the field).
    void setAnswerWithLinks(bool on) { m_answerWithLinks = on; }
    bool answerWithLinks() const { return m_answerWithLinks; }

    /// A PNG of `size` filled with `color` (with a darker border so it is not a flat file).
    static QByteArray png(const QColor &color, const QSize &size);
    /// A colour that depends only on `text`.
    static QColor colorFor(const QString &text);

    /// Requests fully received so far (including ones still being answered).
    int received() const { return m_received; }

signals:
    /// A request was fully read (before any latency or answer).
    void requestReceived(const QString &path);
    /// A request was answered (or dropped) and recorded.
    void requestHandled(const QString &path, int status);

protected:
    /// Answers one request with respond()/respondRaw()/drop(); `fault` is set for picture requests
    /// when one was injected (Latency is handled before this is called).
    virtual void handle(QTcpSocket *socket, Recorded &request, const std::optional<Fault> &fault) = 0;
    virtual bool isPictureRequest(const Recorded &request) const = 0;

    void respond(QTcpSocket *socket, Recorded &request, int status, const nlohmann::json &body,
                 const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {});
    void respondRaw(QTcpSocket *socket, Recorded &request, int status, const QByteArray &body, const QByteArray &contentType,
                    const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {});
    void drop(QTcpSocket *socket, Recorded &request);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void dispatch(QTcpSocket *socket, Recorded request);
    void record(const Recorded &request);

    QTcpServer *m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    struct FaultEntry {
        Fault fault;
        int remaining = 0;
    };
    QList<FaultEntry> m_faults;
    QList<Recorded> m_requests;
    QString m_apiKey = QStringLiteral("test-key");
    QElapsedTimer m_clock;
    bool m_answerWithLinks = false;
    int m_received = 0;
};

} // namespace diy::test
