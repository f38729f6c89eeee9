#include "tensorzero/FeedbackOutbox.h"

#include "tensorzero/FeedbackJob.h"
#include "tensorzero/TensorZeroClient.h"
#include "util/AtomicFile.h"
#include "util/Log.h"

#include <QDir>
#include <QFile>
#include <QTimer>
#include <QUuid>

#include <algorithm>

namespace diy {

namespace {
/// A gateway without observability (no ClickHouse) refuses every feedback with 400. That is not
/// the feedback's fault: it stays queued and goes once observability is on (README, "Gateway").
bool refusedForObservability(const TensorZeroError &error)
{
    return error.code == TensorZeroError::Code::BadRequest
           && error.gatewayMessage.contains(QLatin1String("observability"), Qt::CaseInsensitive);
}
} // namespace

FeedbackOutbox::FeedbackOutbox(QString folder, TensorZeroClient *client, QObject *parent)
    : FeedbackOutbox(std::move(folder), client, Options(), parent)
{
}

FeedbackOutbox::FeedbackOutbox(QString folder, TensorZeroClient *client, Options options, QObject *parent)
    : QObject(parent), m_folder(std::move(folder)), m_client(client), m_options(options), m_wakeUp(new QTimer(this))
{
    m_wakeUp->setSingleShot(true);
    connect(m_wakeUp, &QTimer::timeout, this, &FeedbackOutbox::flush);
    QDir().mkpath(m_folder);
    load();
}

QString FeedbackOutbox::pathFor(const QString &id) const
{
    return QDir(m_folder).filePath(id + QStringLiteral(".json"));
}

void FeedbackOutbox::load()
{
    const QDir dir(m_folder);
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString &name : files) {
        const QString path = dir.filePath(name);
        const Result<QByteArray> bytes = AtomicFile::read(path, FeedbackItem::kMaxFileBytes);
        Result<FeedbackItem> item = bytes ? FeedbackItem::read(*bytes, name) : Result<FeedbackItem>(bytes.error());
        if (item && item->id + QStringLiteral(".json") != name)
            item =
                Error::invalidInput(QStringLiteral("%1: its id \"%2\" does not match the file name").arg(name, item->id.left(40)));
        if (!item) {
            // Never delete what we cannot read: set it aside for a human to look at.
            const QString line = QStringLiteral("%1 was set aside as %1.corrupt: %2").arg(name, item.error().message);
            logWarning(QStringLiteral("Feedback outbox: %1").arg(line));
            QFile::remove(path + QStringLiteral(".corrupt"));
            QFile::rename(path, path + QStringLiteral(".corrupt"));
            m_setAside.append(line);
            continue;
        }
        if (item->state == FeedbackItem::State::Sending || item->state == FeedbackItem::State::Sent) {
            // Interrupted mid-send (or before its file was removed): send it again with the same id.
            item->state = FeedbackItem::State::Queued;
            item->nextAttemptAt = {};
            item->userMessage = QStringLiteral("Interrupted while sending; will be sent again.");
            persist(*item);
        }
        // A new start is a new chance: the backoff of a previous run does not carry over.
        if (item->state == FeedbackItem::State::Queued)
            item->nextAttemptAt = {};
        m_items.insert(item->id, *item);
    }
}

bool FeedbackOutbox::persist(FeedbackItem &item)
{
    item.updatedAt = QDateTime::currentDateTimeUtc();
    const Status written = AtomicFile::write(pathFor(item.id), QByteArray::fromStdString(item.toJson().dump(2)));
    if (!written.ok()) {
        logError(QStringLiteral("Feedback outbox: %1").arg(written.error().toString()));
        return false;
    }
    return true;
}

QString FeedbackOutbox::enqueue(FeedbackItem item)
{
    if (item.id.isEmpty())
        item.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    item.state = FeedbackItem::State::Queued;
    item.attempts = 0;
    item.createdAt = QDateTime::currentDateTimeUtc();
    qint64 last = 0;
    for (const FeedbackItem &other : std::as_const(m_items))
        last = std::max(last, other.sequence);
    item.sequence = last + 1;
    item.nextAttemptAt = {};
    item.lastError.clear();
    item.userMessage.clear();
    if (!persist(item))
        return {};
    m_items.insert(item.id, item);

    if (item.metric != QStringLiteral("comment")) {
        QStringList superseded;
        for (const FeedbackItem &other : std::as_const(m_items)) {
            if (other.id != item.id && other.metric == item.metric && other.targetId == item.targetId
                && other.state == FeedbackItem::State::Queued)
                superseded.append(other.id);
        }
        for (const QString &old : superseded) {
            // The new file is already on disk, so dropping the old one never leaves zero votes.
            QFile::remove(pathFor(old));
            m_items.remove(old);
            emit itemChanged(old);
        }
    }
    emit itemChanged(item.id);
    return item.id;
}

QList<FeedbackItem> FeedbackOutbox::items() const
{
    QList<FeedbackItem> list = m_items.values();
    std::sort(list.begin(), list.end(), [](const FeedbackItem &a, const FeedbackItem &b) {
        if (a.sequence != b.sequence)
            return a.sequence < b.sequence;
        return a.createdAt == b.createdAt ? a.id < b.id : a.createdAt < b.createdAt;
    });
    return list;
}

FeedbackItem FeedbackOutbox::item(const QString &id) const
{
    return m_items.value(id);
}

int FeedbackOutbox::pendingCount() const
{
    return int(std::count_if(m_items.cbegin(), m_items.cend(),
                             [](const FeedbackItem &i) { return i.state != FeedbackItem::State::Sent; }));
}

void FeedbackOutbox::flush()
{
    if (m_current)
        return; // the running flush picks up everything due
    sendNext();
}

void FeedbackOutbox::retry(const QString &id)
{
    auto it = m_items.find(id);
    if (it == m_items.end() || it->state != FeedbackItem::State::Failed)
        return;
    it->state = FeedbackItem::State::Queued;
    it->nextAttemptAt = {};
    it->userMessage.clear();
    persist(*it);
    emit itemChanged(id);
    flush();
}

bool FeedbackOutbox::remove(const QString &id)
{
    auto it = m_items.find(id);
    if (it == m_items.end() || it->state == FeedbackItem::State::Sending)
        return false;
    QFile::remove(pathFor(id));
    m_items.erase(it);
    emit itemChanged(id);
    return true;
}

void FeedbackOutbox::sendNext()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<FeedbackItem> ordered = items();
    auto next = std::find_if(ordered.cbegin(), ordered.cend(), [&](const FeedbackItem &i) {
        return i.state == FeedbackItem::State::Queued && (!i.nextAttemptAt.isValid() || i.nextAttemptAt <= now);
    });
    if (next == ordered.cend()) {
        scheduleWakeUp();
        emit flushed();
        return;
    }
    FeedbackItem &item = m_items[next->id];
    item.state = FeedbackItem::State::Sending;
    ++item.attempts;
    if (!persist(item)) { // never send what is not safely on disk
        item.state = FeedbackItem::State::Queued;
        --item.attempts;
        emit itemChanged(item.id);
        emit flushed();
        return;
    }
    emit itemChanged(item.id);

    const QString id = item.id;
    auto *job = m_client->feedback(item.toRequest(), this);
    job->setRetryPolicy(m_options.sendRetry);
    m_current = job;
    connect(job, &Job::finished, this, [this, id, job](const Status &) {
        m_current = nullptr;
        job->deleteLater(); // the outbox created it
        const Result<QString> result = job->result();
        const std::optional<TensorZeroError> failure = job->gatewayError();
        if (result.ok())
            onSendFinished(id, true, result.value(), false, {}, {});
        else if (failure && refusedForObservability(*failure))
            onSendFinished(id, false, {}, true, QStringLiteral("The gateway does not record feedback yet (observability is off)."),
                           result.error().detail);
        else
            onSendFinished(id, false, {}, result.error().retryable, result.error().message, result.error().detail);
    });
    job->start();
}

void FeedbackOutbox::onSendFinished(const QString &id, bool ok, const QString &feedbackId, bool retryable,
                                    const QString &userMessage, const QString &detail)
{
    auto it = m_items.find(id);
    if (it == m_items.end()) {
        sendNext();
        return;
    }
    FeedbackItem &item = *it;
    if (ok) {
        // Removing the file is the commit; until it is gone a restart resends the item.
        if (!QFile::remove(pathFor(id)) && QFile::exists(pathFor(id)))
            logError(QStringLiteral("Feedback outbox: cannot remove %1 after sending").arg(pathFor(id)));
        item.state = FeedbackItem::State::Sent;
        item.feedbackId = feedbackId;
        item.lastError.clear();
        item.userMessage.clear();
        item.updatedAt = QDateTime::currentDateTimeUtc();
        logInfo(QStringLiteral("Feedback %1 (%2) sent as %3").arg(id, item.metric, feedbackId));
    } else if (retryable) {
        item.state = FeedbackItem::State::Queued;
        item.lastError = detail;
        item.userMessage = QStringLiteral("Not sent yet: %1 It will be sent automatically.").arg(userMessage);
        item.nextAttemptAt = QDateTime::currentDateTimeUtc().addMSecs(m_options.backoff.backoffMs(item.attempts + 1));
        persist(item);
        logWarning(QStringLiteral("Feedback %1 not sent (%2); retrying later").arg(id, detail));
    } else {
        item.state = FeedbackItem::State::Failed;
        item.lastError = detail;
        item.userMessage = userMessage;
        persist(item);
        logWarning(QStringLiteral("Feedback %1 refused by the gateway: %2").arg(id, detail));
    }
    emit itemChanged(id);
    sendNext();
}

void FeedbackOutbox::scheduleWakeUp()
{
    QDateTime earliest;
    for (const FeedbackItem &i : std::as_const(m_items)) {
        if (i.state == FeedbackItem::State::Queued && i.nextAttemptAt.isValid()
            && (!earliest.isValid() || i.nextAttemptAt < earliest))
            earliest = i.nextAttemptAt;
    }
    if (!earliest.isValid()) {
        m_wakeUp->stop();
        return;
    }
    m_wakeUp->start(int(std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(earliest)) + 1));
}

} // namespace diy
