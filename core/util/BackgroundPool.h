#pragma once

class QThreadPool;

namespace diy {

/// The thread pool for the studio's own CPU work (thumbnails, plans, imports, keyframes). Not
/// QThreadPool::globalInstance(): Qt's raster engine splits big fills of every painter, the GUI
/// thread's included, into tasks on the global pool and waits for them, so long tasks of ours
/// there stall the window.
class BackgroundPool {
public:
    static QThreadPool *instance();
    /// Drops queued tasks and waits for running ones. Call before the application object goes
    /// away (tasks paint with fonts that die with it); the studio's main window does.
    static void drain();
};

} // namespace diy
