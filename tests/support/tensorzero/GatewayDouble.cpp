#include "GatewayDouble.h"

#include "InferenceAnswer.h"
#include "InferenceRequestCheck.h"

#include "TestPaths.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

namespace diy::test {

namespace {

using json = nlohmann::json;

QString keysNotIn(const json &object, std::initializer_list<const char *> allowed)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool ok = false;
        for (const char *a : allowed)
            ok = ok || it.key() == a;
        if (!ok)
            return QString::fromStdString(it.key());
    }
    return {};
}

QString qs(const json &j)
{
    return j.is_string() ? QString::fromStdString(j.get<std::string>()) : QString();
}

QByteArray reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 408: return "Request Timeout";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

} // namespace

GatewayDouble::GatewayDouble(QObject *parent)
    : GatewayDouble(sourcePath(QStringLiteral("config/tensorzero.toml")), sourcePath(QStringLiteral("tests/data/tensorzero")),
                    parent)
{
}

GatewayDouble::GatewayDouble(const QString &configPath, const QString &fixtureDir, QObject *parent)
    : QObject(parent), m_config(GatewayConfig::load(configPath)), m_fixtureDir(fixtureDir), m_server(new QTcpServer(this))
{
    m_observability = m_config.observabilityEnabled;
    m_backends.insert(QStringLiteral("gateway"), true);
    m_backends.insert(QStringLiteral("clickhouse"), true);
    m_backends.insert(QStringLiteral("postgres"), true);
    connect(m_server, &QTcpServer::newConnection, this, &GatewayDouble::onNewConnection);
}

GatewayDouble::~GatewayDouble() = default;

bool GatewayDouble::listen(quint16 port)
{
    return m_server->listen(QHostAddress::LocalHost, port);
}
quint16 GatewayDouble::port() const
{
    return m_server->serverPort();
}
QUrl GatewayDouble::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

void GatewayDouble::injectFault(const QString &path, Fault fault, int count)
{
    m_faults.append({path, fault, count});
}
void GatewayDouble::clearFaults()
{
    m_faults.clear();
}
void GatewayDouble::setBackendHealthy(const QString &backend, bool healthy)
{
    m_backends.insert(backend, healthy);
}

QList<GatewayDouble::Recorded> GatewayDouble::requests(const QString &path) const
{
    QList<Recorded> out;
    for (const Recorded &r : m_requests)
        if (r.path == path)
            out.append(r);
    return out;
}

void GatewayDouble::clearRecords()
{
    m_requests.clear();
    m_feedback.clear();
}

std::optional<GatewayDouble::Fault> GatewayDouble::takeFault(const QString &path)
{
    for (int i = 0; i < m_faults.size(); ++i) {
        FaultEntry &entry = m_faults[i];
        if (entry.path.isEmpty() || entry.path == path) {
            const Fault fault = entry.fault;
            if (--entry.remaining <= 0)
                m_faults.removeAt(i);
            return fault;
        }
    }
    return std::nullopt;
}

QString GatewayDouble::newUuidV7()
{
    const quint64 ms = quint64(QDateTime::currentMSecsSinceEpoch());
    QByteArray bytes(16, 0);
    for (int i = 0; i < 6; ++i)
        bytes[i] = char((ms >> (8 * (5 - i))) & 0xff);
    quint64 r1 = QRandomGenerator::global()->generate64();
    quint64 r2 = QRandomGenerator::global()->generate64();
    for (int i = 6; i < 16; ++i) {
        bytes[i] = char(r1 & 0xff);
        r1 = (r1 >> 8) | (r2 << 56);
        r2 >>= 8;
    }
    bytes[6] = char(0x70 | (bytes[6] & 0x0f));
    bytes[8] = char(0x80 | (bytes[8] & 0x3f));
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

QString GatewayDouble::checkUuidV7(const QString &id)
{
    const QUuid uuid = QUuid::fromString(id);
    if (uuid.isNull() || id.size() != 36)
        return QStringLiteral("`%1` is not a UUID").arg(id);
    const QByteArray b = uuid.toRfc4122();
    if (((uchar(b[6]) >> 4) & 0x0f) != 7)
        return QStringLiteral("`%1` is not a UUIDv7").arg(id);
    if ((uchar(b[8]) & 0xc0) != 0x80)
        return QStringLiteral("`%1` has the wrong UUID variant").arg(id);
    quint64 ms = 0;
    for (int i = 0; i < 6; ++i)
        ms = (ms << 8) | uchar(b[i]);
    const qint64 since2020 = QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    if (qint64(ms) < since2020)
        return QStringLiteral("`%1` has a timestamp before 2020").arg(id);
    if (qint64(ms) > QDateTime::currentMSecsSinceEpoch())
        return QStringLiteral("`%1` has a timestamp in the future").arg(id);
    return {};
}

QString GatewayDouble::sampleVariant(const QString &function, const QString &episodeId) const
{
    const auto fn = m_config.functions.constFind(function);
    if (fn == m_config.functions.cend() || fn->variants.isEmpty())
        return {};
    QMap<QString, double> weights = fn->candidateWeights;
    if (weights.isEmpty())
        for (auto it = fn->variants.cbegin(); it != fn->variants.cend(); ++it)
            weights.insert(it.key(), 1.0);
    double total = 0;
    for (double w : weights)
        total += w;
    const QByteArray hash =
        QCryptographicHash::hash((function + QLatin1Char('/') + episodeId).toUtf8(), QCryptographicHash::Sha256);
    quint64 bits = 0;
    for (int i = 0; i < 8; ++i)
        bits = (bits << 8) | uchar(hash[i]);
    const double u = double(bits >> 11) / double(quint64(1) << 53) * total;
    double cumulative = 0;
    for (auto it = weights.cbegin(); it != weights.cend(); ++it) {
        cumulative += it.value();
        if (u < cumulative)
            return it.key();
    }
    return weights.lastKey();
}

void GatewayDouble::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        ++m_connections;
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { onDisconnected(socket); });
    }
}

void GatewayDouble::onDisconnected(QTcpSocket *socket)
{
    m_buffers.remove(socket);
    m_busy.remove(socket);
    if (auto held = m_held.find(socket); held != m_held.end()) {
        // A held request whose client went away: whatever was stored stays stored (StoreThenHold),
        // but no answer ever reached the client.
        Recorded request = held.value();
        m_held.erase(held);
        if (request.status == 0)
            request.error = QStringLiteral("client disconnected");
        m_requests.append(request);
        emit requestHandled(request.path, 0);
    }
    socket->deleteLater();
}

void GatewayDouble::onReadyRead(QTcpSocket *socket)
{
    m_buffers[socket] += socket->readAll();
    if (!m_busy.contains(socket))
        takeRequest(socket);
}

void GatewayDouble::takeRequest(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    Recorded request;
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.path = QString::fromLatin1(requestLine.value(1)).section(QLatin1Char('?'), 0, 0);
    request.httpVersion = requestLine.value(2);
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
    buffer.remove(0, headerEnd + 4 + contentLength);
    request.json = json::parse(request.body.constData(), request.body.constData() + request.body.size(), nullptr, false);
    if (request.json.is_discarded())
        request.json = nullptr;
    m_busy.insert(socket); // one request at a time per connection; the next waits in the buffer
    dispatch(socket, std::move(request));
}

void GatewayDouble::dispatch(QTcpSocket *socket, Recorded request)
{
    std::optional<Fault> fault = takeFault(request.path);
    if (fault && fault->kind == Fault::Kind::Hold) {
        // Never answered: recorded when the client goes away (it must cancel, time out or die).
        m_held.insert(socket, request);
        emit requestHeld(request.path);
        return;
    }
    if (fault && fault->kind == Fault::Kind::StoreThenHold) {
        // Handled and stored like any request, but the answer is never sent.
        request.withholdAnswer = true;
        handle(socket, std::move(request), std::nullopt);
        return;
    }
    if (fault && fault->kind == Fault::Kind::Latency) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(fault->latencyMs, this, [this, guard, request = std::move(request)]() mutable {
            if (!guard || guard->state() != QAbstractSocket::ConnectedState) {
                // The client went away while we "worked": like a cancelled handler, nothing is stored.
                request.status = 0;
                request.error = QStringLiteral("client disconnected");
                m_requests.append(request);
                emit requestHandled(request.path, 0);
                return;
            }
            handle(guard, std::move(request), std::nullopt);
        });
        return;
    }
    handle(socket, std::move(request), fault);
}

void GatewayDouble::handle(QTcpSocket *socket, Recorded request, std::optional<Fault> fault)
{
    if (fault) {
        switch (fault->kind) {
        case Fault::Kind::DropConnection:
            request.status = 0;
            request.error = QStringLiteral("dropped");
            m_requests.append(request);
            socket->abort();
            emit requestHandled(request.path, 0);
            return;
        case Fault::Kind::RateLimited: {
            QList<QPair<QByteArray, QByteArray>> headers;
            if (!fault->retryAfter.isEmpty())
                headers.append({"Retry-After", fault->retryAfter});
            respond(socket, request, 429, {{"error", "Rate limited by the model provider"}}, headers);
            return;
        }
        case Fault::Kind::BadGateway:
            respond(socket, request, 502, {{"error", "All variants failed with errors: provider error"}});
            return;
        case Fault::Kind::Unavailable: respond(socket, request, 503, {{"error", "Service unavailable"}}); return;
        case Fault::Kind::InternalError: respond(socket, request, 500, {{"error", "Internal error"}}); return;
        case Fault::Kind::MalformedBody:
            respondRaw(socket, request, 200, QByteArrayLiteral("{\"inference_id\": \"trunc"));
            return;
        case Fault::Kind::ParsedNull:
        case Fault::Kind::AcceptedWithoutId:
        case Fault::Kind::Latency:
        case Fault::Kind::Hold:          // taken by dispatch()
        case Fault::Kind::StoreThenHold: // taken by dispatch()
            break;
        }
    }
    if (request.path == QStringLiteral("/status") && request.method == "GET") {
        respond(socket, request, 200,
                {{"status", "ok"}, {"version", m_version.toStdString()}, {"config_hash", "double-config-hash"}});
    } else if (request.path == QStringLiteral("/health") && request.method == "GET") {
        json body = json::object();
        bool all = true;
        for (auto it = m_backends.cbegin(); it != m_backends.cend(); ++it) {
            body[it.key().toStdString()] = it.value() ? "ok" : "error";
            all = all && it.value();
        }
        respond(socket, request, all ? 200 : 503, body);
    } else if (request.path == QStringLiteral("/inference") && request.method == "POST") {
        handleInference(socket, request, fault);
    } else if (request.path == QStringLiteral("/feedback") && request.method == "POST") {
        handleFeedback(socket, request, fault);
    } else {
        respond(socket, request, 404, {{"error", "Route not found: " + request.path.toStdString()}});
    }
}

void GatewayDouble::respond(QTcpSocket *socket, Recorded &request, int status, const json &body,
                            const QList<QPair<QByteArray, QByteArray>> &extraHeaders)
{
    if (body.is_object() && body.contains("error") && body["error"].is_string())
        request.error = QString::fromStdString(body["error"].get<std::string>());
    respondRaw(socket, request, status, QByteArray::fromStdString(body.dump()), extraHeaders);
}

void GatewayDouble::respondRaw(QTcpSocket *socket, Recorded &request, int status, const QByteArray &body,
                               const QList<QPair<QByteArray, QByteArray>> &extraHeaders)
{
    request.status = status;
    if (request.withholdAnswer) {
        m_held.insert(socket, request);
        emit requestHeld(request.path);
        return;
    }
    // HTTP/1.1 keeps the connection unless the client (or closeAfterEachResponse) says otherwise.
    const bool close =
        m_closeAfterEachResponse || request.headers.value("connection").toLower() == "close" || request.httpVersion == "HTTP/1.0";
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\n";
    out += "Content-Type: application/json\r\n";
    out += "x-tensorzero-gateway-version: " + m_version.toUtf8() + "\r\n";
    for (const auto &[name, value] : extraHeaders)
        out += name + ": " + value + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += close ? QByteArrayLiteral("Connection: close\r\n\r\n") : QByteArrayLiteral("Connection: keep-alive\r\n\r\n");
    out += body;
    socket->write(out);
    m_requests.append(request);
    if (close) {
        socket->disconnectFromHost();
    } else {
        m_busy.remove(socket);
        QPointer<QTcpSocket> guard(socket);
        QMetaObject::invokeMethod(
            this,
            [this, guard] {
                if (guard && !m_busy.contains(guard))
                    takeRequest(guard); // a request that arrived while this one was handled
            },
            Qt::QueuedConnection);
    }
    emit requestHandled(request.path, status);
}

void GatewayDouble::handleInference(QTcpSocket *socket, Recorded &request, std::optional<Fault> fault)
{
    if (request.json.is_null()) {
        respond(socket, request, 400, {{"error", "The request body is not valid JSON"}});
        return;
    }
    int status = 400;
    if (const QString problem = InferenceRequestCheck::check(request.json, m_config, &status); !problem.isEmpty()) {
        respond(socket, request, status, {{"error", problem.toStdString()}});
        return;
    }
    const json &body = request.json;
    const QString episode = body.contains("episode_id") ? qs(body["episode_id"]) : newUuidV7();
    const QString inferenceId = newUuidV7();
    const bool dryrun = body.value("dryrun", false);
    if (body.contains("model_name")) {
        if (!dryrun) {
            m_inferences.insert(inferenceId);
            m_episodes.insert(episode);
        }
        respond(socket, request, 200,
                {{"inference_id", inferenceId.toStdString()},
                 {"episode_id", episode.toStdString()},
                 {"variant_name", qs(body["model_name"]).toStdString()},
                 {"content", json::array({{{"type", "text"}, {"text", "ok"}}})},
                 {"usage", {{"input_tokens", 3}, {"output_tokens", 1}, {"cost", nullptr}}}});
        return;
    }
    const QString function = qs(body["function_name"]);
    const QString variant = body.contains("variant_name") ? qs(body["variant_name"]) : sampleVariant(function, episode);
    InferenceAnswer::Output answer = InferenceAnswer::build(body, m_config, m_fixtureDir, function, variant);
    if (!answer.found) {
        respond(socket, request, 502, {{"error", "All variants failed with errors: no fixture for " + function.toStdString()}});
        return;
    }
    if (fault && fault->kind == Fault::Kind::ParsedNull) {
        answer.parsed = nullptr;
        answer.raw = "{\"title\": \"unfinished";
    }
    if (!dryrun) {
        m_inferences.insert(inferenceId);
        m_episodes.insert(episode);
    }
    respond(socket, request, 200,
            {{"inference_id", inferenceId.toStdString()},
             {"episode_id", episode.toStdString()},
             {"variant_name", variant.toStdString()},
             {"output", {{"raw", answer.raw}, {"parsed", answer.parsed}}},
             {"usage", answer.usage},
             {"finish_reason", "stop"}});
}

void GatewayDouble::handleFeedback(QTcpSocket *socket, Recorded &request, std::optional<Fault> fault)
{
    const json &body = request.json;
    auto bad = [&](const QString &message, int status = 400) {
        respond(socket, request, status, {{"error", message.toStdString()}});
    };
    if (!body.is_object())
        return bad(QStringLiteral("The request body is not a JSON object"));
    if (const QString unknown = keysNotIn(body, {"metric_name", "value", "inference_id", "episode_id", "tags", "dryrun"});
        !unknown.isEmpty())
        return bad(QStringLiteral("unknown field `%1`").arg(unknown));
    if (!body.contains("metric_name") || !body["metric_name"].is_string() || !body.contains("value"))
        return bad(QStringLiteral("metric_name and value are required"));
    const bool hasInference = body.contains("inference_id");
    const bool hasEpisode = body.contains("episode_id");
    if (hasInference && hasEpisode)
        return bad(QStringLiteral("send exactly one of inference_id or episode_id, not both"));
    if (!hasInference && !hasEpisode)
        return bad(QStringLiteral("one of inference_id or episode_id is required"));
    if (body.contains("dryrun") && !body["dryrun"].is_boolean())
        return bad(QStringLiteral("`dryrun` must be a boolean"));
    QMap<QString, QString> tags;
    if (body.contains("tags")) {
        if (!body["tags"].is_object())
            return bad(QStringLiteral("`tags` must be an object of strings"));
        for (auto it = body["tags"].begin(); it != body["tags"].end(); ++it) {
            if (!it->is_string())
                return bad(QStringLiteral("tag values must be strings"));
            if (it.key().rfind("tensorzero::", 0) == 0)
                return bad(QStringLiteral("tag keys starting with `tensorzero::` are reserved"));
            tags.insert(QString::fromStdString(it.key()), QString::fromStdString(it->get<std::string>()));
        }
    }
    if (!m_observability)
        return bad(QStringLiteral("Feedback cannot be recorded: observability is disabled on this gateway "
                                  "(set TENSORZERO_CLICKHOUSE_URL and enable gateway.observability)"));
    const QString metric = qs(body["metric_name"]);
    const json &value = body["value"];
    QString level;
    if (metric == QStringLiteral("comment")) {
        if (!value.is_string())
            return bad(QStringLiteral("comment feedback must be a string"));
    } else if (metric == QStringLiteral("demonstration")) {
        if (!hasInference)
            return bad(QStringLiteral("demonstration feedback is inference-level"));
    } else {
        const auto it = m_config.metrics.constFind(metric);
        if (it == m_config.metrics.cend())
            return bad(QStringLiteral("Unknown metric: %1").arg(metric), 404);
        level = it->level;
        if (it->type == QStringLiteral("boolean") && !value.is_boolean())
            return bad(QStringLiteral("metric %1 is boolean; got %2").arg(metric, QString::fromStdString(value.dump())));
        if (it->type == QStringLiteral("float") && !value.is_number())
            return bad(QStringLiteral("metric %1 is float; got %2").arg(metric, QString::fromStdString(value.dump())));
        if (level == QStringLiteral("inference") && !hasInference)
            return bad(QStringLiteral("metric %1 is inference-level; send inference_id").arg(metric));
        if (level == QStringLiteral("episode") && !hasEpisode)
            return bad(QStringLiteral("metric %1 is episode-level; send episode_id").arg(metric));
    }
    const json &idNode = hasInference ? body["inference_id"] : body["episode_id"];
    if (!idNode.is_string())
        return bad(QStringLiteral("the id must be a string"));
    const QString id = qs(idNode);
    if (const QString problem = checkUuidV7(id); !problem.isEmpty())
        return bad(problem);
    if (hasInference ? !m_inferences.contains(id) : !m_episodes.contains(id))
        return bad(
            QStringLiteral("%1 `%2` does not exist").arg(hasInference ? QStringLiteral("inference") : QStringLiteral("episode"), id));
    const QString feedbackId = newUuidV7();
    if (!body.value("dryrun", false))
        m_feedback.append({feedbackId, metric, value, id, tags});
    if (fault && fault->kind == Fault::Kind::AcceptedWithoutId)
        return respond(socket, request, 200, json::object());
    respond(socket, request, 200, {{"feedback_id", feedbackId.toStdString()}});
}

} // namespace diy::test
