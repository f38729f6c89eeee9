#include "providers/ImageGenerationJob.h"

#include "net/HttpJob.h"
#include "providers/ApiKeyStore.h"
#include "providers/ImagePriceTable.h"
#include "providers/PictureReceipt.h"
#include "util/AtomicFile.h"
#include "util/BackgroundPool.h"
#include "util/Log.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace diy {

namespace {
constexpr qint64 kMaxReferenceBytes = 20 * 1024 * 1024;
} // namespace

ImageGenerationJob::ImageGenerationJob(QNetworkAccessManager *network, ApiKeyStore *keys, ProviderInfo info,
                                       GeneratedImageSpec spec, const QString &engineVersion, QObject *parent)
    : ValueJob<GeneratedImage>(parent), m_network(network), m_keys(keys), m_info(std::move(info)), m_spec(std::move(spec)),
      m_key(m_spec.key(engineVersion))
{
}

ImageGenerationJob::~ImageGenerationJob()
{
    if (m_http) {
        m_http->disconnect(this);
        m_http->cancel();
    }
}

Error ImageGenerationJob::blocked(const QString &reason, const QString &explanation, const QString &detail) const
{
    Error e;
    e.kind = Error::Kind::Blocked;
    const QString scene = m_spec.sceneLabel.isEmpty() ? QStringLiteral("this scene") : m_spec.sceneLabel;
    e.message = QStringLiteral("%1 refused to draw %2 (%3: %4). Edit the prompt, use a card, or use your own photo.")
                    .arg(m_info.displayName, scene, reason, explanation);
    e.detail = detail;
    return e;
}

Error ImageGenerationJob::malformed(const QString &what, const QByteArray &body) const
{
    Error e;
    e.kind = Error::Kind::Server;
    e.message = QStringLiteral("%1 sent an answer the studio cannot read (%2). Try again later.").arg(m_info.displayName, what);
    e.detail = QString::fromUtf8(body.left(300));
    e.retryable = true;
    return e;
}

void ImageGenerationJob::run()
{
    if (!m_network || !m_keys) {
        finish(Error::internal(QStringLiteral("The picture provider is not set up (no network or key store).")));
        return;
    }
    if (m_spec.outputDir.isEmpty()) {
        finish(Error::internal(QStringLiteral("No folder was given for the pictures.")));
        return;
    }
    // A picture this spec already produced (and paid for) is never asked for again.
    auto *watcher = new QFutureWatcher<std::optional<GeneratedImage>>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcher<std::optional<GeneratedImage>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const std::optional<GeneratedImage> earlier = watcher->result();
        if (!earlier) {
            readKey();
            return;
        }
        logInfo(
            QStringLiteral("%1: %2 was drawn before (%3); nothing sent").arg(m_info.displayName, m_spec.sceneLabel, earlier->path));
        succeed(*earlier);
    });
    watcher->setFuture(QtConcurrent::run(BackgroundPool::instance(),
                                         [dir = m_spec.outputDir, key = m_key] { return PictureReceipt::find(dir, key); }));
}

void ImageGenerationJob::readKey()
{
    reportProgress(0.0, QStringLiteral("%1: reading the API key").arg(m_info.displayName));
    ValueJob<ApiKey> *job = m_keys->read(m_info.keyName, this);
    m_keyJob = job;
    connect(job, &Job::finished, this, [this, job] {
        m_keyJob = nullptr;
        job->deleteLater();
        onKeyRead(job->result());
    });
    job->start();
}

void ImageGenerationJob::abort()
{
    if (m_keyJob) {
        m_keyJob->disconnect(this);
        m_keyJob->cancel();
        m_keyJob->deleteLater();
    }
    if (m_http) {
        m_http->disconnect(this);
        m_http->cancel();
    }
    if (m_watcher)
        m_watcher->disconnect(this); // the pool task runs to its end; its result is dropped
    finish(Error::cancelled());
}

void ImageGenerationJob::onKeyRead(const Result<ApiKey> &key)
{
    if (!key) {
        finish(key.error());
        return;
    }
    m_apiKey = *key;
    QStringList paths;
    for (const GeneratedImageSpec::Reference &r : m_spec.references)
        paths.append(r.path);
    auto *watcher = new QFutureWatcher<Result<QList<Reference>>>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcher<Result<QList<Reference>>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        onReferencesRead(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(BackgroundPool::instance(), [paths]() -> Result<QList<Reference>> {
        QList<Reference> out;
        for (const QString &path : paths) {
            auto bytes = AtomicFile::read(path, kMaxReferenceBytes);
            if (!bytes)
                return Error::invalidInput(QStringLiteral("The reference picture %1 cannot be read; accept another "
                                                          "picture as the reference or clear it.")
                                               .arg(path),
                                           bytes.error().toString());
            const QString mime = PictureStore::sniffMimeType(*bytes);
            if (mime.isEmpty())
                return Error::invalidInput(QStringLiteral("The reference picture %1 is not a PNG, JPEG or WebP picture.").arg(path));
            out.append({std::move(*bytes), mime});
        }
        return out;
    }));
}

void ImageGenerationJob::onReferencesRead(const Result<QList<Reference>> &references)
{
    if (!references) {
        finish(references.error());
        return;
    }
    reportProgress(0.1, QStringLiteral("%1: drawing %2").arg(m_info.displayName, m_spec.sceneLabel));
    send(buildRequest(m_apiKey, *references), [this](const Result<HttpResponse> &answer) { onAnswer(answer); });
}

void ImageGenerationJob::send(HttpRequest request, std::function<void(const Result<HttpResponse> &)> handler)
{
    auto *job = new HttpJob(m_network, std::move(request), this);
    m_http = job;
    connect(job, &HttpJob::retrying, this, [this](int, const Error &reason, int delayMs) {
        ++m_attempts;
        reportProgress(
            -1.0,
            QStringLiteral("%1: %2; trying again in %3 s").arg(m_info.displayName, reason.message).arg((delayMs + 999) / 1000));
    });
    connect(job, &HttpJob::finished, this, [this, job, handler = std::move(handler)](const Status &) {
        m_http = nullptr;
        ++m_attempts;
        const Result<HttpResponse> answer = job->result();
        job->deleteLater(); // the creator owns the job
        handler(answer);
    });
    job->start();
}

void ImageGenerationJob::onAnswer(const Result<HttpResponse> &answer)
{
    if (!answer) {
        Error error = answer.error();
        if (!error.isCancelled())
            error.message = QStringLiteral("%1: %2").arg(m_info.displayName, error.message);
        finish(error);
        return;
    }
    Result<Answer> read = interpret(*answer);
    if (!read) {
        const Error &error = read.error();
        logWarning(QStringLiteral("%1 %2: %3").arg(m_info.displayName, m_spec.sceneLabel, error.toString()));
        finish(error);
        return;
    }
    if (read->bytes.isEmpty() && read->downloadUrl.isValid()) {
        // Some servers answer with a link instead of the bytes: fetch it (no key: such links are signed).
        HttpRequest download = HttpRequest::get(read->downloadUrl);
        download.timeoutMs = 120'000;
        download.maxResponseBytes = 64LL * 1024 * 1024;
        download.label = m_info.displayName + QStringLiteral(" picture download");
        const QString revised = read->revisedPrompt;
        reportProgress(0.8, QStringLiteral("%1: downloading the picture").arg(m_info.displayName));
        send(download, [this, revised](const Result<HttpResponse> &fetched) {
            if (!fetched) {
                finish(fetched.error());
                return;
            }
            if (!fetched->isSuccess()) {
                Error e = malformed(QStringLiteral("the picture link answered HTTP %1").arg(fetched->status), fetched->body);
                finish(e);
                return;
            }
            storePicture(fetched->body, revised);
        });
        return;
    }
    storePicture(read->bytes, read->revisedPrompt);
}

void ImageGenerationJob::storePicture(const QByteArray &bytes, const QString &revisedPrompt)
{
    reportProgress(0.9, QStringLiteral("%1: storing the picture").arg(m_info.displayName));
    GeneratedImage image;
    image.provider = m_spec.provider.isEmpty() ? m_info.id : m_spec.provider;
    image.model = m_spec.model;
    image.costUsd = ImagePriceTable::perPicture(m_info.id, m_spec.model, priceSize(), priceQuality()).value_or(0.0);
    image.milliseconds = elapsedMs();
    image.revisedPrompt = revisedPrompt;
    image.key = m_key;
    auto *watcher = new QFutureWatcher<Result<GeneratedImage>>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcher<Result<GeneratedImage>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        onStored(watcher->result());
    });
    watcher->setFuture(
        QtConcurrent::run(BackgroundPool::instance(), [bytes, image, spec = m_spec]() mutable -> Result<GeneratedImage> {
            auto stored = PictureStore::store(bytes, spec.outputDir);
            if (!stored)
                return stored.error();
            image.path = stored->path;
            image.sha256 = stored->sha256;
            image.mimeType = stored->mimeType;
            // The receipt after the picture: a kill in between leaves a picture without receipt
            // (drawn again next time), never a receipt without its picture.
            if (Status written = PictureReceipt::write(spec.outputDir, image, spec); !written)
                return written.error();
            return image;
        }));
}

void ImageGenerationJob::onStored(const Result<GeneratedImage> &stored)
{
    if (!stored) {
        Error error = stored.error();
        if (error.kind == Error::Kind::Server)
            error.message =
                QStringLiteral("%1 sent something that is not a usable picture: %2 Try again.").arg(m_info.displayName, error.message);
        finish(error);
        return;
    }
    GeneratedImage image = *stored;
    logInfo(QStringLiteral("%1 drew %2 in %3 ms (%4 request%5): %6")
                .arg(m_info.displayName, m_spec.sceneLabel)
                .arg(image.milliseconds)
                .arg(m_attempts)
                .arg(m_attempts == 1 ? QString() : QStringLiteral("s"), image.path));
    succeed(std::move(image));
}

} // namespace diy
