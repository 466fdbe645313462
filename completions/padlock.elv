
use builtin;
use str;

set edit:completion:arg-completer[padlock] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'padlock'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'padlock'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand login 'Log in to a padlock server'
            cand logout 'End the session here and on the server'
            cand status 'Who you are, which server, second factor, grant time left (works offline)'
            cand doctor 'Check the credential store, the server (reachability, version, TLS, clock) and the cached session and grant; say what to do about each problem. Exit 0 when all work'
            cand apps 'Apps you belong to'
            cand envs 'Environments of an app'
            cand packages 'Deployment packages'
            cand transport 'Transport a package to an environment'
            cand env 'Start, stop or restart an environment'
            cand backups 'Backups of an environment'
            cand permissions 'Node permissions of app members'
            cand team 'An app''s team: develop and deploy members'
            cand node 'Node details of an app (padlocked)'
            cand 2fa 'Your second factor'
            cand grant 'CI grants: pre-issued, scoped, expiring grants for scripts'
            cand can-i 'Would an operation be allowed now? Exit 0 yes, 4 no; nothing is done'
            cand ops 'Follow operations'
            cand audit 'Read the audit log (`--output jsonl` streams one event per line for exports)'
            cand admin 'Support: users, apps, 2FA resets'
            cand server 'Run the padlock server'
            cand completions 'Print shell completions'
            cand man 'Write man pages, one per command, into a directory (for packagers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;login'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --password-stdin 'Read the password from standard input (also: PADLOCK_PASSWORD)'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;logout'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;status'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --offline 'Show what is cached here without asking the server'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;doctor'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;apps'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'Apps you belong to (support: all apps)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;apps;list'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;apps;help'= {
            cand list 'Apps you belong to (support: all apps)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;apps;help;list'= {
        }
        &'padlock;apps;help;help'= {
        }
        &'padlock;envs'= {
            cand --app 'The app (see padlock apps list)'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'Environments of an app; 🔒 marks padlocked ones'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;envs;list'= {
            cand --app 'The app (see padlock apps list)'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;envs;help'= {
            cand list 'Environments of an app; 🔒 marks padlocked ones'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;envs;help;list'= {
        }
        &'padlock;envs;help;help'= {
        }
        &'padlock;packages'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'Packages of an app and where they run'
            cand upload 'Upload a deployment package (an MDA file or any artifact)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;packages;list'= {
            cand --app 'The app (see padlock apps list)'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;packages;upload'= {
            cand --app 'The app (see padlock apps list)'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;packages;help'= {
            cand list 'Packages of an app and where they run'
            cand upload 'Upload a deployment package (an MDA file or any artifact)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;packages;help;list'= {
        }
        &'padlock;packages;help;upload'= {
        }
        &'padlock;packages;help;help'= {
        }
        &'padlock;transport'= {
            cand --app 'The app (see padlock apps list)'
            cand --package 'The package to transport (see padlock packages list)'
            cand --from 'Promote the package that runs in this environment'
            cand --to 'The environment to transport to'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --detach 'Start it and print the operation id, without following it'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;env'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'Environments of the app (the same as padlock envs --app APP)'
            cand start 'Start an environment'
            cand stop 'Stop an environment'
            cand restart 'Restart an environment'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;env;list'= {
            cand --app 'The app (see padlock apps list)'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;env;start'= {
            cand --app 'The app (see padlock apps list)'
            cand --env 'The environment (see padlock envs --app APP)'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --detach 'Start it and print the operation id, without following it'
            cand -y 'Do not ask before stopping a padlocked environment (nothing asks without a terminal)'
            cand --yes 'Do not ask before stopping a padlocked environment (nothing asks without a terminal)'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;env;stop'= {
            cand --app 'The app (see padlock apps list)'
            cand --env 'The environment (see padlock envs --app APP)'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --detach 'Start it and print the operation id, without following it'
            cand -y 'Do not ask before stopping a padlocked environment (nothing asks without a terminal)'
            cand --yes 'Do not ask before stopping a padlocked environment (nothing asks without a terminal)'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;env;restart'= {
            cand --app 'The app (see padlock apps list)'
            cand --env 'The environment (see padlock envs --app APP)'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --detach 'Start it and print the operation id, without following it'
            cand -y 'Do not ask before stopping a padlocked environment (nothing asks without a terminal)'
            cand --yes 'Do not ask before stopping a padlocked environment (nothing asks without a terminal)'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;env;help'= {
            cand list 'Environments of the app (the same as padlock envs --app APP)'
            cand start 'Start an environment'
            cand stop 'Stop an environment'
            cand restart 'Restart an environment'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;env;help;list'= {
        }
        &'padlock;env;help;start'= {
        }
        &'padlock;env;help;stop'= {
        }
        &'padlock;env;help;restart'= {
        }
        &'padlock;env;help;help'= {
        }
        &'padlock;backups'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'Backups of an environment'
            cand create 'Create a backup (runs the backup hook)'
            cand download 'Download a backup (the latest without an id)'
            cand restore 'Restore a backup over the environment''s data (the latest without an id)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;backups;list'= {
            cand --app 'The app (see padlock apps list)'
            cand --env 'The environment (see padlock envs --app APP)'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;backups;create'= {
            cand --app 'The app (see padlock apps list)'
            cand --env 'The environment (see padlock envs --app APP)'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;backups;download'= {
            cand --app 'The app (see padlock apps list)'
            cand --env 'The environment (see padlock envs --app APP)'
            cand -o 'Where to write it [default: APP-ENV-ID.bak]'
            cand --output-file 'Where to write it [default: APP-ENV-ID.bak]'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --force 'Replace FILE if it exists'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;backups;restore'= {
            cand --app 'The app (see padlock apps list)'
            cand --env 'The environment (see padlock envs --app APP)'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand -y 'Do not ask before restoring over a padlocked environment (nothing asks without a terminal)'
            cand --yes 'Do not ask before restoring over a padlocked environment (nothing asks without a terminal)'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;backups;help'= {
            cand list 'Backups of an environment'
            cand create 'Create a backup (runs the backup hook)'
            cand download 'Download a backup (the latest without an id)'
            cand restore 'Restore a backup over the environment''s data (the latest without an id)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;backups;help;list'= {
        }
        &'padlock;backups;help;create'= {
        }
        &'padlock;backups;help;download'= {
        }
        &'padlock;backups;help;restore'= {
        }
        &'padlock;backups;help;help'= {
        }
        &'padlock;permissions'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'Who may do what on the app''s environments'
            cand grant 'Give a member permissions (padlocked on padlocked environments)'
            cand revoke 'Take permissions away (padlocked on padlocked environments)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;permissions;list'= {
            cand --app 'The app (see padlock apps list)'
            cand --env 'The environment (see padlock envs --app APP)'
            cand --user 'The member''s username'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;permissions;grant'= {
            cand --app 'The app (see padlock apps list)'
            cand --env 'One environment [default: every environment of the app]'
            cand --user 'The member''s username'
            cand --allow 'Comma-separated: view, transport, manage, backups'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;permissions;revoke'= {
            cand --app 'The app (see padlock apps list)'
            cand --env 'One environment [default: every environment of the app]'
            cand --user 'The member''s username'
            cand --allow 'Comma-separated: view, transport, manage, backups'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;permissions;help'= {
            cand list 'Who may do what on the app''s environments'
            cand grant 'Give a member permissions (padlocked on padlocked environments)'
            cand revoke 'Take permissions away (padlocked on padlocked environments)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;permissions;help;list'= {
        }
        &'padlock;permissions;help;grant'= {
        }
        &'padlock;permissions;help;revoke'= {
        }
        &'padlock;permissions;help;help'= {
        }
        &'padlock;team'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'Who is on the app''s team, with which role'
            cand add 'Put a user on the team, or change their role (padlocked for deploy on apps with a padlocked environment)'
            cand remove 'Take a user off the team, with their node permissions and CI grants for the app (padlocked on apps with a padlocked environment)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;team;list'= {
            cand --app 'The app (see padlock apps list)'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;team;add'= {
            cand --app 'The app (see padlock apps list)'
            cand --user 'The member''s username'
            cand --role 'role'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;team;remove'= {
            cand --app 'The app (see padlock apps list)'
            cand --user 'The member''s username'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;team;help'= {
            cand list 'Who is on the app''s team, with which role'
            cand add 'Put a user on the team, or change their role (padlocked for deploy on apps with a padlocked environment)'
            cand remove 'Take a user off the team, with their node permissions and CI grants for the app (padlocked on apps with a padlocked environment)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;team;help;list'= {
        }
        &'padlock;team;help;add'= {
        }
        &'padlock;team;help;remove'= {
        }
        &'padlock;team;help;help'= {
        }
        &'padlock;node'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand show 'What runs where, with package identities'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;node;show'= {
            cand --app 'The app (see padlock apps list)'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;node;help'= {
            cand show 'What runs where, with package identities'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;node;help;show'= {
        }
        &'padlock;node;help;help'= {
        }
        &'padlock;2fa'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand setup 'Set up your second factor (once; only support can reset it)'
            cand confirm 'Activate a pending setup with its first code (--otp, --otp-command or a prompt)'
            cand status 'Your second factor and the grant in force'
            cand verify 'Check a code now and keep the eight-hour grant it yields'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;2fa;setup'= {
            cand --method 'method'
            cand --phone 'Phone number for SMS, in E.164 form (+4915112345678)'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;2fa;confirm'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;2fa;status'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;2fa;verify'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --resend 'SMS: send a new code first'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;2fa;help'= {
            cand setup 'Set up your second factor (once; only support can reset it)'
            cand confirm 'Activate a pending setup with its first code (--otp, --otp-command or a prompt)'
            cand status 'Your second factor and the grant in force'
            cand verify 'Check a code now and keep the eight-hour grant it yields'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;2fa;help;setup'= {
        }
        &'padlock;2fa;help;confirm'= {
        }
        &'padlock;2fa;help;status'= {
        }
        &'padlock;2fa;help;verify'= {
        }
        &'padlock;2fa;help;help'= {
        }
        &'padlock;grant'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand issue 'Issue a CI grant (padlocked); the token is printed once'
            cand list 'Your CI grants (support: everyone''s); never the tokens'
            cand revoke 'Revoke a CI grant; its next use is refused'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;grant;issue'= {
            cand --app 'The app (see padlock apps list)'
            cand --env 'Environment (repeatable)'
            cand --allow 'Comma-separated: transport, manage, backups'
            cand --ttl 'Lifetime, e.g. 8h or 7d [default: 8h; capped by the server]'
            cand --label 'What the grant is for, shown in listings and the audit log'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;grant;list'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;grant;revoke'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;grant;help'= {
            cand issue 'Issue a CI grant (padlocked); the token is printed once'
            cand list 'Your CI grants (support: everyone''s); never the tokens'
            cand revoke 'Revoke a CI grant; its next use is refused'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;grant;help;issue'= {
        }
        &'padlock;grant;help;list'= {
        }
        &'padlock;grant;help;revoke'= {
        }
        &'padlock;grant;help;help'= {
        }
        &'padlock;can-i'= {
            cand --app 'The app (see padlock apps list)'
            cand --env 'The environment (see padlock envs --app APP)'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;ops'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'Recent operations you may view, newest first'
            cand show 'An operation''s state and log'
            cand follow 'Follow an operation until it ends, printing its log'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;ops;list'= {
            cand --app 'Only this app''s operations (see padlock apps list)'
            cand --env 'Only this environment''s operations'
            cand --state 'Only operations in this state'
            cand --limit 'At most this many (the newest, up to 100)'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;ops;show'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;ops;follow'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;ops;help'= {
            cand list 'Recent operations you may view, newest first'
            cand show 'An operation''s state and log'
            cand follow 'Follow an operation until it ends, printing its log'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;ops;help;list'= {
        }
        &'padlock;ops;help;show'= {
        }
        &'padlock;ops;help;follow'= {
        }
        &'padlock;ops;help;help'= {
        }
        &'padlock;audit'= {
            cand --app 'The app (see padlock apps list)'
            cand --operation 'Only the events of this operation (see padlock ops list)'
            cand --since 'How far back: 24h, 7d, 30m'
            cand --limit 'At most this many (the newest)'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;admin'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand users 'Accounts'
            cand apps 'Apps'
            cand reset-2fa 'Reset a user''s second factor and revoke all their grants (padlocked)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;admin;users'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand create 'Create an account; prints a generated password when none is given'
            cand list 'All accounts'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;admin;users;create'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --password-stdin 'Read the password from standard input'
            cand --support 'Make the account a support operator'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;admin;users;list'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;admin;users;help'= {
            cand create 'Create an account; prints a generated password when none is given'
            cand list 'All accounts'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;admin;users;help;create'= {
        }
        &'padlock;admin;users;help;list'= {
        }
        &'padlock;admin;users;help;help'= {
        }
        &'padlock;admin;apps'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand create 'Create an app'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;admin;apps;create'= {
            cand --contact 'Technical contact (repeatable)'
            cand --env 'Environment, NAME or NAME:padlocked (repeatable) [default: test, acceptance, production:padlocked]'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;admin;apps;help'= {
            cand create 'Create an app'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;admin;apps;help;create'= {
        }
        &'padlock;admin;apps;help;help'= {
        }
        &'padlock;admin;reset-2fa'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;admin;help'= {
            cand users 'Accounts'
            cand apps 'Apps'
            cand reset-2fa 'Reset a user''s second factor and revoke all their grants (padlocked)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;admin;help;users'= {
            cand create 'Create an account; prints a generated password when none is given'
            cand list 'All accounts'
        }
        &'padlock;admin;help;users;create'= {
        }
        &'padlock;admin;help;users;list'= {
        }
        &'padlock;admin;help;apps'= {
            cand create 'Create an app'
        }
        &'padlock;admin;help;apps;create'= {
        }
        &'padlock;admin;help;reset-2fa'= {
        }
        &'padlock;admin;help;help'= {
        }
        &'padlock;server'= {
            cand --config 'TOML configuration file'
            cand --database-url 'sqlite://PATH (default, in the data folder) or postgres://…'
            cand --data-dir 'Data folder: database, packages, backups, dev files'
            cand --listen 'Address to listen on (127.0.0.1:0 picks a free port)'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --dev 'Start at once with no setup: fresh SQLite data folder, admin account, demo app, SMS codes to an outbox file, hooks that only log'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand rotate-master-key 'Re-seal every TOTP secret and re-key pending SMS codes under a new master key, in one transaction; stop every server on the database first'
            cand add-support-account 'Create a support account from the server''s host: how a production server gets its first one (support creates the others). Prints a generated password once'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;server;rotate-master-key'= {
            cand --new-key-file 'File holding the new master key (32 random bytes as hex or base64)'
            cand --config 'TOML configuration file'
            cand --database-url 'sqlite://PATH (default, in the data folder) or postgres://…'
            cand --data-dir 'Data folder: database, packages, backups, dev files'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;server;add-support-account'= {
            cand --config 'TOML configuration file'
            cand --database-url 'sqlite://PATH (default, in the data folder) or postgres://…'
            cand --data-dir 'Data folder: database, packages, backups, dev files'
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;server;help'= {
            cand rotate-master-key 'Re-seal every TOTP secret and re-key pending SMS codes under a new master key, in one transaction; stop every server on the database first'
            cand add-support-account 'Create a support account from the server''s host: how a production server gets its first one (support creates the others). Prints a generated password once'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;server;help;rotate-master-key'= {
        }
        &'padlock;server;help;add-support-account'= {
        }
        &'padlock;server;help;help'= {
        }
        &'padlock;completions'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;man'= {
            cand --server 'The padlock server, e.g. https://padlock.example.com'
            cand --output 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)'
            cand --otp 'The second-factor code to use if one is needed'
            cand --otp-command 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")'
            cand --credential-store 'Where the session and grant are kept [default: OS keyring, then kernel keyring]'
            cand --no-input 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
            cand -q 'Print only what scripts need'
            cand --quiet 'Print only what scripts need'
            cand -v 'Say more (repeat for more)'
            cand --verbose 'Say more (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'padlock;help'= {
            cand login 'Log in to a padlock server'
            cand logout 'End the session here and on the server'
            cand status 'Who you are, which server, second factor, grant time left (works offline)'
            cand doctor 'Check the credential store, the server (reachability, version, TLS, clock) and the cached session and grant; say what to do about each problem. Exit 0 when all work'
            cand apps 'Apps you belong to'
            cand envs 'Environments of an app'
            cand packages 'Deployment packages'
            cand transport 'Transport a package to an environment'
            cand env 'Start, stop or restart an environment'
            cand backups 'Backups of an environment'
            cand permissions 'Node permissions of app members'
            cand team 'An app''s team: develop and deploy members'
            cand node 'Node details of an app (padlocked)'
            cand 2fa 'Your second factor'
            cand grant 'CI grants: pre-issued, scoped, expiring grants for scripts'
            cand can-i 'Would an operation be allowed now? Exit 0 yes, 4 no; nothing is done'
            cand ops 'Follow operations'
            cand audit 'Read the audit log (`--output jsonl` streams one event per line for exports)'
            cand admin 'Support: users, apps, 2FA resets'
            cand server 'Run the padlock server'
            cand completions 'Print shell completions'
            cand man 'Write man pages, one per command, into a directory (for packagers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'padlock;help;login'= {
        }
        &'padlock;help;logout'= {
        }
        &'padlock;help;status'= {
        }
        &'padlock;help;doctor'= {
        }
        &'padlock;help;apps'= {
            cand list 'Apps you belong to (support: all apps)'
        }
        &'padlock;help;apps;list'= {
        }
        &'padlock;help;envs'= {
            cand list 'Environments of an app; 🔒 marks padlocked ones'
        }
        &'padlock;help;envs;list'= {
        }
        &'padlock;help;packages'= {
            cand list 'Packages of an app and where they run'
            cand upload 'Upload a deployment package (an MDA file or any artifact)'
        }
        &'padlock;help;packages;list'= {
        }
        &'padlock;help;packages;upload'= {
        }
        &'padlock;help;transport'= {
        }
        &'padlock;help;env'= {
            cand list 'Environments of the app (the same as padlock envs --app APP)'
            cand start 'Start an environment'
            cand stop 'Stop an environment'
            cand restart 'Restart an environment'
        }
        &'padlock;help;env;list'= {
        }
        &'padlock;help;env;start'= {
        }
        &'padlock;help;env;stop'= {
        }
        &'padlock;help;env;restart'= {
        }
        &'padlock;help;backups'= {
            cand list 'Backups of an environment'
            cand create 'Create a backup (runs the backup hook)'
            cand download 'Download a backup (the latest without an id)'
            cand restore 'Restore a backup over the environment''s data (the latest without an id)'
        }
        &'padlock;help;backups;list'= {
        }
        &'padlock;help;backups;create'= {
        }
        &'padlock;help;backups;download'= {
        }
        &'padlock;help;backups;restore'= {
        }
        &'padlock;help;permissions'= {
            cand list 'Who may do what on the app''s environments'
            cand grant 'Give a member permissions (padlocked on padlocked environments)'
            cand revoke 'Take permissions away (padlocked on padlocked environments)'
        }
        &'padlock;help;permissions;list'= {
        }
        &'padlock;help;permissions;grant'= {
        }
        &'padlock;help;permissions;revoke'= {
        }
        &'padlock;help;team'= {
            cand list 'Who is on the app''s team, with which role'
            cand add 'Put a user on the team, or change their role (padlocked for deploy on apps with a padlocked environment)'
            cand remove 'Take a user off the team, with their node permissions and CI grants for the app (padlocked on apps with a padlocked environment)'
        }
        &'padlock;help;team;list'= {
        }
        &'padlock;help;team;add'= {
        }
        &'padlock;help;team;remove'= {
        }
        &'padlock;help;node'= {
            cand show 'What runs where, with package identities'
        }
        &'padlock;help;node;show'= {
        }
        &'padlock;help;2fa'= {
            cand setup 'Set up your second factor (once; only support can reset it)'
            cand confirm 'Activate a pending setup with its first code (--otp, --otp-command or a prompt)'
            cand status 'Your second factor and the grant in force'
            cand verify 'Check a code now and keep the eight-hour grant it yields'
        }
        &'padlock;help;2fa;setup'= {
        }
        &'padlock;help;2fa;confirm'= {
        }
        &'padlock;help;2fa;status'= {
        }
        &'padlock;help;2fa;verify'= {
        }
        &'padlock;help;grant'= {
            cand issue 'Issue a CI grant (padlocked); the token is printed once'
            cand list 'Your CI grants (support: everyone''s); never the tokens'
            cand revoke 'Revoke a CI grant; its next use is refused'
        }
        &'padlock;help;grant;issue'= {
        }
        &'padlock;help;grant;list'= {
        }
        &'padlock;help;grant;revoke'= {
        }
        &'padlock;help;can-i'= {
        }
        &'padlock;help;ops'= {
            cand list 'Recent operations you may view, newest first'
            cand show 'An operation''s state and log'
            cand follow 'Follow an operation until it ends, printing its log'
        }
        &'padlock;help;ops;list'= {
        }
        &'padlock;help;ops;show'= {
        }
        &'padlock;help;ops;follow'= {
        }
        &'padlock;help;audit'= {
        }
        &'padlock;help;admin'= {
            cand users 'Accounts'
            cand apps 'Apps'
            cand reset-2fa 'Reset a user''s second factor and revoke all their grants (padlocked)'
        }
        &'padlock;help;admin;users'= {
            cand create 'Create an account; prints a generated password when none is given'
            cand list 'All accounts'
        }
        &'padlock;help;admin;users;create'= {
        }
        &'padlock;help;admin;users;list'= {
        }
        &'padlock;help;admin;apps'= {
            cand create 'Create an app'
        }
        &'padlock;help;admin;apps;create'= {
        }
        &'padlock;help;admin;reset-2fa'= {
        }
        &'padlock;help;server'= {
            cand rotate-master-key 'Re-seal every TOTP secret and re-key pending SMS codes under a new master key, in one transaction; stop every server on the database first'
            cand add-support-account 'Create a support account from the server''s host: how a production server gets its first one (support creates the others). Prints a generated password once'
        }
        &'padlock;help;server;rotate-master-key'= {
        }
        &'padlock;help;server;add-support-account'= {
        }
        &'padlock;help;completions'= {
        }
        &'padlock;help;man'= {
        }
        &'padlock;help;help'= {
        }
    ]
    $completions[$command]
}
