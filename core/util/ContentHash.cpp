#include "util/ContentHash.h"

#include <QFile>
#include <QFileInfo>

namespace diy {

ContentHash::ContentHash() : m_hash(QCryptographicHash::Sha256) {}

ContentHash &ContentHash::add(const QByteArray &part)
{
    const QByteArray length = QByteArray::number(part.size()) + ':';
    m_hash.addData(length);
    m_hash.addData(part);
    return *this;
}

ContentHash &ContentHash::add(const QString &part)
{
    return add(part.toUtf8());
}

ContentHash &ContentHash::add(const char *label, const QString &part)
{
    add(QByteArray(label));
    return add(part.toUtf8());
}

ContentHash &ContentHash::add(qint64 number)
{
    return add(QByteArray::number(number));
}

namespace {
/// SHA-256 of a regular file of at most maxBytes; empty for anything else (missing, a device, a
/// FIFO, a folder, too large). Reads at most maxBytes + 1 bytes whatever happens to the file.
QByteArray hashRegularFile(const QString &path, qint64 maxBytes)
{
    const QFileInfo info(path);
    if (!info.isFile() || info.size() > maxBytes)
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash fileHash(QCryptographicHash::Sha256);
    QByteArray chunk(1 << 16, Qt::Uninitialized);
    qint64 total = 0;
    while (true) {
        const qint64 n = file.read(chunk.data(), chunk.size());
        if (n < 0)
            return {};
        if (n == 0)
            break;
        total += n;
        if (total > maxBytes)
            return {};
        fileHash.addData(QByteArrayView(chunk.constData(), n));
    }
    return fileHash.result();
}
} // namespace

ContentHash &ContentHash::addFile(const QString &path, qint64 maxBytes)
{
    const QByteArray digest = hashRegularFile(path, maxBytes);
    if (digest.isEmpty())
        return add(QByteArrayLiteral("<missing file>"));
    return add(digest);
}

QString ContentHash::hex() const
{
    return QString::fromLatin1(m_hash.resultView().toByteArray().toHex());
}

QString ContentHash::shortHex() const
{
    return hex().left(16);
}

QString ContentHash::ofBytes(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString ContentHash::ofFile(const QString &path, qint64 maxBytes)
{
    return QString::fromLatin1(hashRegularFile(path, maxBytes).toHex());
}

} // namespace diy
