#pragma once

#include "util/Job.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace diy {
class ApiKeyStore;
class ImageGenerator;
} // namespace diy

namespace diy::ui {

class InlineMessage;

/// The settings page of one AI picture provider (Gemini, OpenAI-compatible): where its key comes
/// from (environment, keychain, none, or why the keychain cannot be used), a field to enter a key
/// that is stored in the OS keychain (never in settings), Forget, and Test: one cheap
/// authenticated call whose outcome is shown in place. Everything runs as jobs; nothing blocks.
/// Object names start with the provider id: "geminiKeyEdit", "geminiSaveKeyButton",
/// "geminiForgetKeyButton", "geminiTestButton", "geminiKeyStatus", "geminiTestResult".
class ProviderKeyPage : public QWidget {
    Q_OBJECT
public:
    ProviderKeyPage(ApiKeyStore *keys, ImageGenerator *generator, QWidget *parent = nullptr);
    ~ProviderKeyPage() override;

    QString title() const;
    /// Reads where the key comes from now and shows it (also done when the page is shown).
    void refresh();
    bool isBusy() const { return bool(m_job); }

signals:
    /// The page finished an action (refresh, save, forget, test); for tests and the dialog.
    void actionFinished();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onSaveClicked();
    void onForgetClicked();
    void onTestClicked();
    void run(Job *job, std::function<void(Job *)> done);
    void setBusy(bool busy);

    QPointer<ApiKeyStore> m_keys;
    ImageGenerator *m_generator;
    QString m_id;
    QString m_keyName;
    QLabel *m_status;
    QLineEdit *m_key;
    QPushButton *m_save;
    QPushButton *m_forget;
    QPushButton *m_test;
    InlineMessage *m_result;
    QPointer<Job> m_job;
};

} // namespace diy::ui
