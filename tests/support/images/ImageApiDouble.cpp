#include "ImageApiDouble.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImage>
#include <QPainter>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace diy::test {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

} // namespace

ImageApiDouble::ImageApiDouble(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &ImageApiDouble::onNewConnection);
    m_clock.start();
}

ImageApiDouble::~ImageApiDouble() = default;

bool ImageApiDouble::listen(quint16 port)
{
    return m_server->listen(QHostAddress::LocalHost, port);
}
quint16 ImageApiDouble::port() const
{
    return m_server->serverPort();
}
QUrl ImageApiDouble::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

void ImageApiDouble::injectFault(Fault fault, int count)
{
    m_faults.append({fault, count});
}

int ImageApiDouble::pictureRequests() const
{
    int n = 0;
    for (const Recorded &r : m_requests)
        n += isPictureRequest(r) ? 1 : 0;
    return n;
}

int ImageApiDouble::picturesServed() const
{
    int n = 0;
    for (const Recorded &r : m_requests)
        n += r.picture ? 1 : 0;
    return n;
}

QColor ImageApiDouble::colorFor(const QString &text)
{
    const QByteArray h = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
    return QColor(uchar(h[0]), uchar(h[1]), uchar(h[2]));
}

QByteArray ImageApiDouble::png(const QColor &color, const QSize &size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(color);
    QPainter painter(&image);
    painter.setPen(color.darker(160));
    painter.drawRect(0, 0, size.width() - 1, size.height() - 1);
    painter.end();
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return out;
}

void ImageApiDouble::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void ImageApiDouble::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    Recorded request;
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    const QString target = QString::fromLatin1(requestLine.value(1));
    request.path = target.section(QLatin1Char('?'), 0, 0);
    request.query = target.section(QLatin1Char('?'), 1);
    qsizetype contentLength = 0;
    for (int i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = lines[i].left(colon).trimmed().toLower();
        const QByteArray value = lines[i].mid(colon + 1).trimmed();
        request.headers.insert(name, value);
        if (name == "content-length")
            contentLength = value.toLongLong();
    }
    if (buffer.size() < headerEnd + 4 + contentLength)
        return;
    request.body = buffer.mid(headerEnd + 4, contentLength);
    request.receivedMs = m_clock.elapsed();
    m_buffers.remove(socket);
    request.json = nlohmann::json::parse(request.body.constData(), request.body.constData() + request.body.size(), nullptr, false);
    if (request.json.is_discarded())
        request.json = nullptr;
    socket->disconnect(this, nullptr); // one request per connection (we answer Connection: close)
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    dispatch(socket, std::move(request));
}

void ImageApiDouble::dispatch(QTcpSocket *socket, Recorded request)
{
    ++m_received;
    emit requestReceived(request.path);
    std::optional<Fault> fault;
    if (isPictureRequest(request) && !m_faults.isEmpty()) {
        fault = m_faults.first().fault;
        if (--m_faults.first().remaining <= 0)
            m_faults.removeFirst();
    }
    if (fault && fault->kind == Fault::Kind::Latency) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(fault->latencyMs, this, [this, guard, request = std::move(request)]() mutable {
            if (!guard || guard->state() != QAbstractSocket::ConnectedState) {
                request.status = 0;
                request.error = QStringLiteral("client disconnected");
                record(request);
                return;
            }
            handle(guard, request, std::nullopt);
        });
        return;
    }
    handle(socket, request, fault);
}

void ImageApiDouble::record(const Recorded &request)
{
    m_requests.append(request);
    emit requestHandled(request.path, request.status);
}

void ImageApiDouble::respond(QTcpSocket *socket, Recorded &request, int status, const nlohmann::json &body,
                             const QList<QPair<QByteArray, QByteArray>> &extraHeaders)
{
    if (status >= 400 && body.is_object() && body.contains("error") && body["error"].is_object())
        request.error = QString::fromStdString(body["error"].value("message", std::string()));
    respondRaw(socket, request, status, QByteArray::fromStdString(body.dump()), "application/json; charset=UTF-8", extraHeaders);
}

void ImageApiDouble::respondRaw(QTcpSocket *socket, Recorded &request, int status, const QByteArray &body,
                                const QByteArray &contentType, const QList<QPair<QByteArray, QByteArray>> &extraHeaders)
{
    request.status = status;
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Connection: close\r\n";
    for (const auto &[name, value] : extraHeaders)
        out += name + ": " + value + "\r\n";
    out += "\r\n" + body;
    socket->write(out);
    socket->disconnectFromHost();
    record(request);
}

void ImageApiDouble::drop(QTcpSocket *socket, Recorded &request)
{
    request.status = 0;
    request.error = QStringLiteral("dropped");
    socket->abort();
    record(request);
}

} // namespace diy::test
