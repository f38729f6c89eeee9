#include "util/BackgroundPool.h"

#include <QThread>
#include <QThreadPool>

namespace diy {

QThreadPool *BackgroundPool::instance()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool; // lives until exit, like the global pool
        p->setMaxThreadCount(qMax(2, QThread::idealThreadCount()));
        p->setObjectName(QStringLiteral("diy-background"));
        return p;
    }();
    return pool;
}

void BackgroundPool::drain()
{
    instance()->clear();
    instance()->waitForDone();
}

} // namespace diy
