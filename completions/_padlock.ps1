
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'padlock' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'padlock'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'padlock' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to a padlock server')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'End the session here and on the server')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Who you are, which server, second factor, grant time left (works offline)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the credential store, the server (reachability, version, TLS, clock) and the cached session and grant; say what to do about each problem. Exit 0 when all work')
            [CompletionResult]::new('apps', 'apps', [CompletionResultType]::ParameterValue, 'Apps you belong to')
            [CompletionResult]::new('envs', 'envs', [CompletionResultType]::ParameterValue, 'Environments of an app')
            [CompletionResult]::new('packages', 'packages', [CompletionResultType]::ParameterValue, 'Deployment packages')
            [CompletionResult]::new('transport', 'transport', [CompletionResultType]::ParameterValue, 'Transport a package to an environment')
            [CompletionResult]::new('env', 'env', [CompletionResultType]::ParameterValue, 'Start, stop or restart an environment')
            [CompletionResult]::new('backups', 'backups', [CompletionResultType]::ParameterValue, 'Backups of an environment')
            [CompletionResult]::new('permissions', 'permissions', [CompletionResultType]::ParameterValue, 'Node permissions of app members')
            [CompletionResult]::new('team', 'team', [CompletionResultType]::ParameterValue, 'An app''s team: develop and deploy members')
            [CompletionResult]::new('node', 'node', [CompletionResultType]::ParameterValue, 'Node details of an app (padlocked)')
            [CompletionResult]::new('2fa', '2fa', [CompletionResultType]::ParameterValue, 'Your second factor')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'CI grants: pre-issued, scoped, expiring grants for scripts')
            [CompletionResult]::new('can-i', 'can-i', [CompletionResultType]::ParameterValue, 'Would an operation be allowed now? Exit 0 yes, 4 no; nothing is done')
            [CompletionResult]::new('ops', 'ops', [CompletionResultType]::ParameterValue, 'Follow operations')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Read the audit log (`--output jsonl` streams one event per line for exports)')
            [CompletionResult]::new('admin', 'admin', [CompletionResultType]::ParameterValue, 'Support: users, apps, 2FA resets')
            [CompletionResult]::new('server', 'server', [CompletionResultType]::ParameterValue, 'Run the padlock server')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages, one per command, into a directory (for packagers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;login' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input (also: PADLOCK_PASSWORD)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;logout' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;status' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Show what is cached here without asking the server')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;doctor' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;apps' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Apps you belong to (support: all apps)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;apps;list' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;apps;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Apps you belong to (support: all apps)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;apps;help;list' {
            break
        }
        'padlock;apps;help;help' {
            break
        }
        'padlock;envs' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The app (see padlock apps list)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Environments of an app; 🔒 marks padlocked ones')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;envs;list' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The app (see padlock apps list)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;envs;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Environments of an app; 🔒 marks padlocked ones')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;envs;help;list' {
            break
        }
        'padlock;envs;help;help' {
            break
        }
        'padlock;packages' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Packages of an app and where they run')
            [CompletionResult]::new('upload', 'upload', [CompletionResultType]::ParameterValue, 'Upload a deployment package (an MDA file or any artifact)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;packages;list' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The app (see padlock apps list)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;packages;upload' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The app (see padlock apps list)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;packages;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Packages of an app and where they run')
            [CompletionResult]::new('upload', 'upload', [CompletionResultType]::ParameterValue, 'Upload a deployment package (an MDA file or any artifact)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;packages;help;list' {
            break
        }
        'padlock;packages;help;upload' {
            break
        }
        'padlock;packages;help;help' {
            break
        }
        'padlock;transport' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The app (see padlock apps list)')
            [CompletionResult]::new('--package', '--package', [CompletionResultType]::ParameterName, 'The package to transport (see padlock packages list)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Promote the package that runs in this environment')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The environment to transport to')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--detach', '--detach', [CompletionResultType]::ParameterName, 'Start it and print the operation id, without following it')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;env' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Environments of the app (the same as padlock envs --app APP)')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start an environment')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop an environment')
            [CompletionResult]::new('restart', 'restart', [CompletionResultType]::ParameterValue, 'Restart an environment')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;env;list' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The app (see padlock apps list)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;env;start' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The app (see padlock apps list)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment (see padlock envs --app APP)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--detach', '--detach', [CompletionResultType]::ParameterName, 'Start it and print the operation id, without following it')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before stopping a padlocked environment (nothing asks without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before stopping a padlocked environment (nothing asks without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;env;stop' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The app (see padlock apps list)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment (see padlock envs --app APP)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--detach', '--detach', [CompletionResultType]::ParameterName, 'Start it and print the operation id, without following it')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before stopping a padlocked environment (nothing asks without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before stopping a padlocked environment (nothing asks without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;env;restart' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The app (see padlock apps list)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment (see padlock envs --app APP)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--detach', '--detach', [CompletionResultType]::ParameterName, 'Start it and print the operation id, without following it')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before stopping a padlocked environment (nothing asks without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before stopping a padlocked environment (nothing asks without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;env;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Environments of the app (the same as padlock envs --app APP)')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start an environment')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop an environment')
            [CompletionResult]::new('restart', 'restart', [CompletionResultType]::ParameterValue, 'Restart an environment')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;env;help;list' {
            break
        }
        'padlock;env;help;start' {
            break
        }
        'padlock;env;help;stop' {
            break
        }
        'padlock;env;help;restart' {
            break
        }
        'padlock;env;help;help' {
            break
        }
        'padlock;backups' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Backups of an environment')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a backup (runs the backup hook)')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download a backup (the latest without an id)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a backup over the environment''s data (the latest without an id)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;backups;list' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The app (see padlock apps list)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment (see padlock envs --app APP)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;backups;create' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The app (see padlock apps list)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment (see padlock envs --app APP)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;backups;download' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The app (see padlock apps list)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment (see padlock envs --app APP)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write it [default: APP-ENV-ID.bak]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Where to write it [default: APP-ENV-ID.bak]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace FILE if it exists')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;backups;restore' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The app (see padlock apps list)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment (see padlock envs --app APP)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before restoring over a padlocked environment (nothing asks without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before restoring over a padlocked environment (nothing asks without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;backups;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Backups of an environment')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a backup (runs the backup hook)')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download a backup (the latest without an id)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a backup over the environment''s data (the latest without an id)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;backups;help;list' {
            break
        }
        'padlock;backups;help;create' {
            break
        }
        'padlock;backups;help;download' {
            break
        }
        'padlock;backups;help;restore' {
            break
        }
        'padlock;backups;help;help' {
            break
        }
        'padlock;permissions' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Who may do what on the app''s environments')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Give a member permissions (padlocked on padlocked environments)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Take permissions away (padlocked on padlocked environments)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;permissions;list' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The app (see padlock apps list)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment (see padlock envs --app APP)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The member''s username')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;permissions;grant' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The app (see padlock apps list)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'One environment [default: every environment of the app]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The member''s username')
            [CompletionResult]::new('--allow', '--allow', [CompletionResultType]::ParameterName, 'Comma-separated: view, transport, manage, backups')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;permissions;revoke' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The app (see padlock apps list)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'One environment [default: every environment of the app]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The member''s username')
            [CompletionResult]::new('--allow', '--allow', [CompletionResultType]::ParameterName, 'Comma-separated: view, transport, manage, backups')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;permissions;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Who may do what on the app''s environments')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Give a member permissions (padlocked on padlocked environments)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Take permissions away (padlocked on padlocked environments)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;permissions;help;list' {
            break
        }
        'padlock;permissions;help;grant' {
            break
        }
        'padlock;permissions;help;revoke' {
            break
        }
        'padlock;permissions;help;help' {
            break
        }
        'padlock;team' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Who is on the app''s team, with which role')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Put a user on the team, or change their role (padlocked for deploy on apps with a padlocked environment)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Take a user off the team, with their node permissions and CI grants for the app (padlocked on apps with a padlocked environment)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;team;list' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The app (see padlock apps list)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;team;add' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The app (see padlock apps list)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The member''s username')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'role')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;team;remove' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The app (see padlock apps list)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The member''s username')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;team;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Who is on the app''s team, with which role')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Put a user on the team, or change their role (padlocked for deploy on apps with a padlocked environment)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Take a user off the team, with their node permissions and CI grants for the app (padlocked on apps with a padlocked environment)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;team;help;list' {
            break
        }
        'padlock;team;help;add' {
            break
        }
        'padlock;team;help;remove' {
            break
        }
        'padlock;team;help;help' {
            break
        }
        'padlock;node' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'What runs where, with package identities')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;node;show' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The app (see padlock apps list)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;node;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'What runs where, with package identities')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;node;help;show' {
            break
        }
        'padlock;node;help;help' {
            break
        }
        'padlock;2fa' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Set up your second factor (once; only support can reset it)')
            [CompletionResult]::new('confirm', 'confirm', [CompletionResultType]::ParameterValue, 'Activate a pending setup with its first code (--otp, --otp-command or a prompt)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Your second factor and the grant in force')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a code now and keep the eight-hour grant it yields')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;2fa;setup' {
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'method')
            [CompletionResult]::new('--phone', '--phone', [CompletionResultType]::ParameterName, 'Phone number for SMS, in E.164 form (+4915112345678)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;2fa;confirm' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;2fa;status' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;2fa;verify' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--resend', '--resend', [CompletionResultType]::ParameterName, 'SMS: send a new code first')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;2fa;help' {
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Set up your second factor (once; only support can reset it)')
            [CompletionResult]::new('confirm', 'confirm', [CompletionResultType]::ParameterValue, 'Activate a pending setup with its first code (--otp, --otp-command or a prompt)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Your second factor and the grant in force')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a code now and keep the eight-hour grant it yields')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;2fa;help;setup' {
            break
        }
        'padlock;2fa;help;confirm' {
            break
        }
        'padlock;2fa;help;status' {
            break
        }
        'padlock;2fa;help;verify' {
            break
        }
        'padlock;2fa;help;help' {
            break
        }
        'padlock;grant' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('issue', 'issue', [CompletionResultType]::ParameterValue, 'Issue a CI grant (padlocked); the token is printed once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Your CI grants (support: everyone''s); never the tokens')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a CI grant; its next use is refused')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;grant;issue' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The app (see padlock apps list)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment (repeatable)')
            [CompletionResult]::new('--allow', '--allow', [CompletionResultType]::ParameterName, 'Comma-separated: transport, manage, backups')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'Lifetime, e.g. 8h or 7d [default: 8h; capped by the server]')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'What the grant is for, shown in listings and the audit log')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;grant;list' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;grant;revoke' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;grant;help' {
            [CompletionResult]::new('issue', 'issue', [CompletionResultType]::ParameterValue, 'Issue a CI grant (padlocked); the token is printed once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Your CI grants (support: everyone''s); never the tokens')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a CI grant; its next use is refused')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;grant;help;issue' {
            break
        }
        'padlock;grant;help;list' {
            break
        }
        'padlock;grant;help;revoke' {
            break
        }
        'padlock;grant;help;help' {
            break
        }
        'padlock;can-i' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The app (see padlock apps list)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment (see padlock envs --app APP)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;ops' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Recent operations you may view, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'An operation''s state and log')
            [CompletionResult]::new('follow', 'follow', [CompletionResultType]::ParameterValue, 'Follow an operation until it ends, printing its log')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;ops;list' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'Only this app''s operations (see padlock apps list)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Only this environment''s operations')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Only operations in this state')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many (the newest, up to 100)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;ops;show' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;ops;follow' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;ops;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Recent operations you may view, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'An operation''s state and log')
            [CompletionResult]::new('follow', 'follow', [CompletionResultType]::ParameterValue, 'Follow an operation until it ends, printing its log')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;ops;help;list' {
            break
        }
        'padlock;ops;help;show' {
            break
        }
        'padlock;ops;help;follow' {
            break
        }
        'padlock;ops;help;help' {
            break
        }
        'padlock;audit' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The app (see padlock apps list)')
            [CompletionResult]::new('--operation', '--operation', [CompletionResultType]::ParameterName, 'Only the events of this operation (see padlock ops list)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'How far back: 24h, 7d, 30m')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many (the newest)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;admin' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'Accounts')
            [CompletionResult]::new('apps', 'apps', [CompletionResultType]::ParameterValue, 'Apps')
            [CompletionResult]::new('reset-2fa', 'reset-2fa', [CompletionResultType]::ParameterValue, 'Reset a user''s second factor and revoke all their grants (padlocked)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;admin;users' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an account; prints a generated password when none is given')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'All accounts')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;admin;users;create' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--support', '--support', [CompletionResultType]::ParameterName, 'Make the account a support operator')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;admin;users;list' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;admin;users;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an account; prints a generated password when none is given')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'All accounts')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;admin;users;help;create' {
            break
        }
        'padlock;admin;users;help;list' {
            break
        }
        'padlock;admin;users;help;help' {
            break
        }
        'padlock;admin;apps' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an app')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;admin;apps;create' {
            [CompletionResult]::new('--contact', '--contact', [CompletionResultType]::ParameterName, 'Technical contact (repeatable)')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment, NAME or NAME:padlocked (repeatable) [default: test, acceptance, production:padlocked]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;admin;apps;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an app')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;admin;apps;help;create' {
            break
        }
        'padlock;admin;apps;help;help' {
            break
        }
        'padlock;admin;reset-2fa' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;admin;help' {
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'Accounts')
            [CompletionResult]::new('apps', 'apps', [CompletionResultType]::ParameterValue, 'Apps')
            [CompletionResult]::new('reset-2fa', 'reset-2fa', [CompletionResultType]::ParameterValue, 'Reset a user''s second factor and revoke all their grants (padlocked)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;admin;help;users' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an account; prints a generated password when none is given')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'All accounts')
            break
        }
        'padlock;admin;help;users;create' {
            break
        }
        'padlock;admin;help;users;list' {
            break
        }
        'padlock;admin;help;apps' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an app')
            break
        }
        'padlock;admin;help;apps;create' {
            break
        }
        'padlock;admin;help;reset-2fa' {
            break
        }
        'padlock;admin;help;help' {
            break
        }
        'padlock;server' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML configuration file')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'sqlite://PATH (default, in the data folder) or postgres://…')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data folder: database, packages, backups, dev files')
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on (127.0.0.1:0 picks a free port)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--dev', '--dev', [CompletionResultType]::ParameterName, 'Start at once with no setup: fresh SQLite data folder, admin account, demo app, SMS codes to an outbox file, hooks that only log')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('rotate-master-key', 'rotate-master-key', [CompletionResultType]::ParameterValue, 'Re-seal every TOTP secret and re-key pending SMS codes under a new master key, in one transaction; stop every server on the database first')
            [CompletionResult]::new('add-support-account', 'add-support-account', [CompletionResultType]::ParameterValue, 'Create a support account from the server''s host: how a production server gets its first one (support creates the others). Prints a generated password once')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;server;rotate-master-key' {
            [CompletionResult]::new('--new-key-file', '--new-key-file', [CompletionResultType]::ParameterName, 'File holding the new master key (32 random bytes as hex or base64)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML configuration file')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'sqlite://PATH (default, in the data folder) or postgres://…')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data folder: database, packages, backups, dev files')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;server;add-support-account' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML configuration file')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'sqlite://PATH (default, in the data folder) or postgres://…')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data folder: database, packages, backups, dev files')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;server;help' {
            [CompletionResult]::new('rotate-master-key', 'rotate-master-key', [CompletionResultType]::ParameterValue, 'Re-seal every TOTP secret and re-key pending SMS codes under a new master key, in one transaction; stop every server on the database first')
            [CompletionResult]::new('add-support-account', 'add-support-account', [CompletionResultType]::ParameterValue, 'Create a support account from the server''s host: how a production server gets its first one (support creates the others). Prints a generated password once')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;server;help;rotate-master-key' {
            break
        }
        'padlock;server;help;add-support-account' {
            break
        }
        'padlock;server;help;help' {
            break
        }
        'padlock;completions' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;man' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The padlock server, e.g. https://padlock.example.com')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'The second-factor code to use if one is needed')
            [CompletionResult]::new('--otp-command', '--otp-command', [CompletionResultType]::ParameterName, 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")')
            [CompletionResult]::new('--credential-store', '--credential-store', [CompletionResultType]::ParameterName, 'Where the session and grant are kept [default: OS keyring, then kernel keyring]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what scripts need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'padlock;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to a padlock server')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'End the session here and on the server')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Who you are, which server, second factor, grant time left (works offline)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the credential store, the server (reachability, version, TLS, clock) and the cached session and grant; say what to do about each problem. Exit 0 when all work')
            [CompletionResult]::new('apps', 'apps', [CompletionResultType]::ParameterValue, 'Apps you belong to')
            [CompletionResult]::new('envs', 'envs', [CompletionResultType]::ParameterValue, 'Environments of an app')
            [CompletionResult]::new('packages', 'packages', [CompletionResultType]::ParameterValue, 'Deployment packages')
            [CompletionResult]::new('transport', 'transport', [CompletionResultType]::ParameterValue, 'Transport a package to an environment')
            [CompletionResult]::new('env', 'env', [CompletionResultType]::ParameterValue, 'Start, stop or restart an environment')
            [CompletionResult]::new('backups', 'backups', [CompletionResultType]::ParameterValue, 'Backups of an environment')
            [CompletionResult]::new('permissions', 'permissions', [CompletionResultType]::ParameterValue, 'Node permissions of app members')
            [CompletionResult]::new('team', 'team', [CompletionResultType]::ParameterValue, 'An app''s team: develop and deploy members')
            [CompletionResult]::new('node', 'node', [CompletionResultType]::ParameterValue, 'Node details of an app (padlocked)')
            [CompletionResult]::new('2fa', '2fa', [CompletionResultType]::ParameterValue, 'Your second factor')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'CI grants: pre-issued, scoped, expiring grants for scripts')
            [CompletionResult]::new('can-i', 'can-i', [CompletionResultType]::ParameterValue, 'Would an operation be allowed now? Exit 0 yes, 4 no; nothing is done')
            [CompletionResult]::new('ops', 'ops', [CompletionResultType]::ParameterValue, 'Follow operations')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Read the audit log (`--output jsonl` streams one event per line for exports)')
            [CompletionResult]::new('admin', 'admin', [CompletionResultType]::ParameterValue, 'Support: users, apps, 2FA resets')
            [CompletionResult]::new('server', 'server', [CompletionResultType]::ParameterValue, 'Run the padlock server')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages, one per command, into a directory (for packagers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'padlock;help;login' {
            break
        }
        'padlock;help;logout' {
            break
        }
        'padlock;help;status' {
            break
        }
        'padlock;help;doctor' {
            break
        }
        'padlock;help;apps' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Apps you belong to (support: all apps)')
            break
        }
        'padlock;help;apps;list' {
            break
        }
        'padlock;help;envs' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Environments of an app; 🔒 marks padlocked ones')
            break
        }
        'padlock;help;envs;list' {
            break
        }
        'padlock;help;packages' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Packages of an app and where they run')
            [CompletionResult]::new('upload', 'upload', [CompletionResultType]::ParameterValue, 'Upload a deployment package (an MDA file or any artifact)')
            break
        }
        'padlock;help;packages;list' {
            break
        }
        'padlock;help;packages;upload' {
            break
        }
        'padlock;help;transport' {
            break
        }
        'padlock;help;env' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Environments of the app (the same as padlock envs --app APP)')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start an environment')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop an environment')
            [CompletionResult]::new('restart', 'restart', [CompletionResultType]::ParameterValue, 'Restart an environment')
            break
        }
        'padlock;help;env;list' {
            break
        }
        'padlock;help;env;start' {
            break
        }
        'padlock;help;env;stop' {
            break
        }
        'padlock;help;env;restart' {
            break
        }
        'padlock;help;backups' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Backups of an environment')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a backup (runs the backup hook)')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download a backup (the latest without an id)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a backup over the environment''s data (the latest without an id)')
            break
        }
        'padlock;help;backups;list' {
            break
        }
        'padlock;help;backups;create' {
            break
        }
        'padlock;help;backups;download' {
            break
        }
        'padlock;help;backups;restore' {
            break
        }
        'padlock;help;permissions' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Who may do what on the app''s environments')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Give a member permissions (padlocked on padlocked environments)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Take permissions away (padlocked on padlocked environments)')
            break
        }
        'padlock;help;permissions;list' {
            break
        }
        'padlock;help;permissions;grant' {
            break
        }
        'padlock;help;permissions;revoke' {
            break
        }
        'padlock;help;team' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Who is on the app''s team, with which role')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Put a user on the team, or change their role (padlocked for deploy on apps with a padlocked environment)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Take a user off the team, with their node permissions and CI grants for the app (padlocked on apps with a padlocked environment)')
            break
        }
        'padlock;help;team;list' {
            break
        }
        'padlock;help;team;add' {
            break
        }
        'padlock;help;team;remove' {
            break
        }
        'padlock;help;node' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'What runs where, with package identities')
            break
        }
        'padlock;help;node;show' {
            break
        }
        'padlock;help;2fa' {
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Set up your second factor (once; only support can reset it)')
            [CompletionResult]::new('confirm', 'confirm', [CompletionResultType]::ParameterValue, 'Activate a pending setup with its first code (--otp, --otp-command or a prompt)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Your second factor and the grant in force')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a code now and keep the eight-hour grant it yields')
            break
        }
        'padlock;help;2fa;setup' {
            break
        }
        'padlock;help;2fa;confirm' {
            break
        }
        'padlock;help;2fa;status' {
            break
        }
        'padlock;help;2fa;verify' {
            break
        }
        'padlock;help;grant' {
            [CompletionResult]::new('issue', 'issue', [CompletionResultType]::ParameterValue, 'Issue a CI grant (padlocked); the token is printed once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Your CI grants (support: everyone''s); never the tokens')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a CI grant; its next use is refused')
            break
        }
        'padlock;help;grant;issue' {
            break
        }
        'padlock;help;grant;list' {
            break
        }
        'padlock;help;grant;revoke' {
            break
        }
        'padlock;help;can-i' {
            break
        }
        'padlock;help;ops' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Recent operations you may view, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'An operation''s state and log')
            [CompletionResult]::new('follow', 'follow', [CompletionResultType]::ParameterValue, 'Follow an operation until it ends, printing its log')
            break
        }
        'padlock;help;ops;list' {
            break
        }
        'padlock;help;ops;show' {
            break
        }
        'padlock;help;ops;follow' {
            break
        }
        'padlock;help;audit' {
            break
        }
        'padlock;help;admin' {
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'Accounts')
            [CompletionResult]::new('apps', 'apps', [CompletionResultType]::ParameterValue, 'Apps')
            [CompletionResult]::new('reset-2fa', 'reset-2fa', [CompletionResultType]::ParameterValue, 'Reset a user''s second factor and revoke all their grants (padlocked)')
            break
        }
        'padlock;help;admin;users' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an account; prints a generated password when none is given')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'All accounts')
            break
        }
        'padlock;help;admin;users;create' {
            break
        }
        'padlock;help;admin;users;list' {
            break
        }
        'padlock;help;admin;apps' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an app')
            break
        }
        'padlock;help;admin;apps;create' {
            break
        }
        'padlock;help;admin;reset-2fa' {
            break
        }
        'padlock;help;server' {
            [CompletionResult]::new('rotate-master-key', 'rotate-master-key', [CompletionResultType]::ParameterValue, 'Re-seal every TOTP secret and re-key pending SMS codes under a new master key, in one transaction; stop every server on the database first')
            [CompletionResult]::new('add-support-account', 'add-support-account', [CompletionResultType]::ParameterValue, 'Create a support account from the server''s host: how a production server gets its first one (support creates the others). Prints a generated password once')
            break
        }
        'padlock;help;server;rotate-master-key' {
            break
        }
        'padlock;help;server;add-support-account' {
            break
        }
        'padlock;help;completions' {
            break
        }
        'padlock;help;man' {
            break
        }
        'padlock;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
