#pragma once

#include "ImageApiDouble.h"

#include <QStringList>

namespace diy::test {

/// A strict OpenAI-compatible images double (docs/providers-api.md §2) on 127.0.0.1:
/// - POST /v1/images/generations (JSON, `Authorization: Bearer <key>`), GET /v1/models, and
///   GET /files/<name>.png for answers given as links;
/// - missing/wrong key → 401 invalid_request_error / invalid_api_key; unknown model → 404
///   model_not_found; unknown fields → 400 "Unrecognized request argument supplied"; prompt
///   required and within the model's length; n 1–10 (dall-e-3: 1); `size` and `quality` from
///   each model's set ("Invalid value: '…'. Supported values are: …"); `response_format` only
///   for dall-e (GPT-image models → 400 unknown_parameter);
/// - the answer: {"created","data":[{"b64_json"|"url"}],…} with a PNG whose colour comes from the
///   prompt and whose size is the asked size / 16; dall-e-3 adds revised_prompt, GPT-image usage;
/// - faults: 429 rate_limit_exceeded (Retry-After header = retryHint when set), 503, 500,
///   content_policy_violation (reason "moderation_blocked" for the GPT-image form), malformed
///   bodies, non-pictures, dropped connections, slow answers.
class OpenAiImageDouble : public ImageApiDouble {
    Q_OBJECT
public:
    explicit OpenAiImageDouble(QObject *parent = nullptr);

    static QStringList models();
    /// The sizes `model` accepts (empty for models that take any WxH).
    static QStringList sizes(const QString &model);

protected:
    void handle(QTcpSocket *socket, Recorded &request, const std::optional<Fault> &fault) override;
    bool isPictureRequest(const Recorded &request) const override;

private:
    void error(QTcpSocket *socket, Recorded &request, int status, const QString &message, const QString &type,
               const nlohmann::json &param, const nlohmann::json &code, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    /// Empty when acceptable; else the 400 message (and `param`).
    QString validate(const nlohmann::json &body, QString *param, QString *code) const;
    void answerFault(QTcpSocket *socket, Recorded &request, const Fault &fault, const QString &model);
    void answerPicture(QTcpSocket *socket, Recorded &request);

    QHash<QString, QByteArray> m_files;
};

} // namespace diy::test
