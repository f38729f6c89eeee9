#include "providers/PictureReceipt.h"

#include "util/AtomicFile.h"
#include "util/ContentHash.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <nlohmann/json.hpp>

namespace diy {

namespace {
using json = nlohmann::json;
QString qs(const json &object, const char *name)
{
    const auto it = object.find(name);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}
} // namespace

QString PictureReceipt::pathFor(const QString &outputDir, const QString &key)
{
    return QDir(outputDir).absoluteFilePath(QStringLiteral("receipts/") + key + QStringLiteral(".json"));
}

std::optional<GeneratedImage> PictureReceipt::find(const QString &outputDir, const QString &key)
{
    const QString path = pathFor(outputDir, key);
    if (!QFileInfo::exists(path))
        return std::nullopt;
    const auto bytes = AtomicFile::read(path, 1024 * 1024);
    if (!bytes)
        return std::nullopt;
    const json receipt = json::parse(bytes->constData(), bytes->constData() + bytes->size(), nullptr, false);
    if (!receipt.is_object() || qs(receipt, "key") != key)
        return std::nullopt;
    GeneratedImage image;
    const QString file = qs(receipt, "file");
    if (file.isEmpty() || file.contains(QLatin1Char('/')) || file.contains(QLatin1Char('\\')))
        return std::nullopt;
    image.path = QDir(outputDir).absoluteFilePath(file);
    image.sha256 = qs(receipt, "sha256");
    if (image.sha256.isEmpty() || !QFileInfo::exists(image.path) || ContentHash::ofFile(image.path) != image.sha256)
        return std::nullopt; // the picture is gone or damaged: make it again
    image.mimeType = qs(receipt, "mimeType");
    image.provider = qs(receipt, "provider");
    image.model = qs(receipt, "model");
    image.costUsd = receipt.value("costUsd", 0.0);
    image.milliseconds = receipt.value("milliseconds", qint64(0));
    image.revisedPrompt = qs(receipt, "revisedPrompt");
    image.key = key;
    image.reused = true;
    return image;
}

Status PictureReceipt::write(const QString &outputDir, const GeneratedImage &image, const GeneratedImageSpec &spec)
{
    const json receipt = {{"version", 1},
                          {"key", image.key.toStdString()},
                          {"file", QFileInfo(image.path).fileName().toStdString()},
                          {"sha256", image.sha256.toStdString()},
                          {"mimeType", image.mimeType.toStdString()},
                          {"provider", image.provider.toStdString()},
                          {"model", image.model.toStdString()},
                          {"prompt", spec.prompt.toStdString()},
                          {"style", spec.style.toStdString()},
                          {"format", spec.format.id().toStdString()},
                          {"references", qint64(spec.references.size())},
                          {"revisedPrompt", image.revisedPrompt.toStdString()},
                          {"costUsd", image.costUsd},
                          {"milliseconds", image.milliseconds},
                          {"createdAt", QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString()}};
    return AtomicFile::write(pathFor(outputDir, image.key), QByteArray::fromStdString(receipt.dump(2)));
}

} // namespace diy
