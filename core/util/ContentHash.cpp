#include "util/ContentHash.h"

#include <QFile>

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

ContentHash &ContentHash::addFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return add(QByteArrayLiteral("<missing file>"));
    QCryptographicHash fileHash(QCryptographicHash::Sha256);
    fileHash.addData(&file);
    return add(fileHash.result());
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

QString ContentHash::ofFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash fileHash(QCryptographicHash::Sha256);
    fileHash.addData(&file);
    return QString::fromLatin1(fileHash.result().toHex());
}

} // namespace diy
