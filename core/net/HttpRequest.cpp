#include "net/HttpRequest.h"

#include <QRandomGenerator>
#include <QUrlQuery>

namespace diy {

HttpRequest HttpRequest::get(const QUrl &url)
{
    HttpRequest r;
    r.url = url;
    return r;
}

HttpRequest HttpRequest::postJson(const QUrl &url, nlohmann::json body)
{
    HttpRequest r;
    r.method = Method::Post;
    r.url = url;
    r.bodyKind = BodyKind::Json;
    r.json = std::move(body);
    return r;
}

HttpRequest HttpRequest::postForm(const QUrl &url, QList<QPair<QString, QString>> fields)
{
    HttpRequest r;
    r.method = Method::Post;
    r.url = url;
    r.bodyKind = BodyKind::UrlEncoded;
    r.formFields = std::move(fields);
    return r;
}

HttpRequest HttpRequest::postMultipart(const QUrl &url, QList<HttpFormPart> parts)
{
    HttpRequest r;
    r.method = Method::Post;
    r.url = url;
    r.bodyKind = BodyKind::Multipart;
    r.parts = std::move(parts);
    return r;
}

namespace {
QByteArray quoted(const QString &text)
{
    QByteArray out = text.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\r', "").replace('\n', "");
    return '"' + out + '"';
}
} // namespace

QByteArray HttpRequest::encodedBody(QByteArray *contentType) const
{
    switch (bodyKind) {
    case BodyKind::None: *contentType = {}; return {};
    case BodyKind::Json: *contentType = "application/json"; return QByteArray::fromStdString(json.dump());
    case BodyKind::UrlEncoded: {
        *contentType = "application/x-www-form-urlencoded";
        QByteArray out;
        for (const auto &[key, value] : formFields) {
            if (!out.isEmpty())
                out += '&';
            out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
        }
        return out;
    }
    case BodyKind::Multipart: {
        const QByteArray boundary = "diy-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16)
                                    + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
        *contentType = "multipart/form-data; boundary=" + boundary;
        QByteArray out;
        for (const HttpFormPart &part : parts) {
            out += "--" + boundary + "\r\n";
            out += "Content-Disposition: form-data; name=" + quoted(part.name);
            if (!part.fileName.isEmpty())
                out += "; filename=" + quoted(part.fileName);
            out += "\r\n";
            if (!part.contentType.isEmpty())
                out += "Content-Type: " + part.contentType + "\r\n";
            out += "\r\n" + part.data + "\r\n";
        }
        out += "--" + boundary + "--\r\n";
        return out;
    }
    case BodyKind::Raw: *contentType = rawContentType; return rawBody;
    }
    return {};
}

QByteArray HttpRequest::methodName() const
{
    switch (method) {
    case Method::Get: return "GET";
    case Method::Post: return "POST";
    case Method::Put: return "PUT";
    case Method::Delete: return "DELETE";
    }
    return "GET";
}

} // namespace diy
