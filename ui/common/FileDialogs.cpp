#include "common/FileDialogs.h"

#include <QFileDialog>
#include <QPointer>

namespace diy::ui {

namespace {

FileDialogs::Hook &hook()
{
    static FileDialogs::Hook instance;
    return instance;
}

void run(FileDialogs::Kind kind, QWidget *parent, const QString &purpose, const QString &caption, const QString &filter,
         QObject *context, std::function<void(const QString &)> onChosen)
{
    if (hook()) {
        const QString path = hook()(kind, purpose);
        if (!path.isEmpty())
            onChosen(path);
        return;
    }
    auto *dialog = new QFileDialog(parent, caption, QString(), filter);
    dialog->setObjectName(QStringLiteral("fileDialog-") + purpose);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    switch (kind) {
    case FileDialogs::Kind::OpenFile:
        dialog->setFileMode(QFileDialog::ExistingFile);
        dialog->setAcceptMode(QFileDialog::AcceptOpen);
        break;
    case FileDialogs::Kind::SaveFile:
        dialog->setFileMode(QFileDialog::AnyFile);
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        break;
    case FileDialogs::Kind::Directory:
        dialog->setFileMode(QFileDialog::Directory);
        dialog->setOption(QFileDialog::ShowDirsOnly);
        break;
    }
    QObject::connect(dialog, &QFileDialog::fileSelected, context, [onChosen](const QString &path) {
        if (!path.isEmpty())
            onChosen(path);
    });
    dialog->open();
}

} // namespace

void FileDialogs::setTestHook(Hook h)
{
    hook() = std::move(h);
}

void FileDialogs::openFile(QWidget *parent, const QString &purpose, const QString &caption, const QString &filter,
                           QObject *context, std::function<void(const QString &)> onChosen)
{
    run(Kind::OpenFile, parent, purpose, caption, filter, context, std::move(onChosen));
}

void FileDialogs::saveFile(QWidget *parent, const QString &purpose, const QString &caption, const QString &filter,
                           QObject *context, std::function<void(const QString &)> onChosen)
{
    run(Kind::SaveFile, parent, purpose, caption, filter, context, std::move(onChosen));
}

void FileDialogs::directory(QWidget *parent, const QString &purpose, const QString &caption, QObject *context,
                            std::function<void(const QString &)> onChosen)
{
    run(Kind::Directory, parent, purpose, caption, QString(), context, std::move(onChosen));
}

} // namespace diy::ui
