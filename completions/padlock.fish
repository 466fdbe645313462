# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_padlock_global_optspecs
    string join \n server= output= no-input otp= otp-command= credential-store= q/quiet v/verbose h/help V/version
end

function __fish_padlock_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_padlock_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_padlock_using_subcommand
    set -l cmd (__fish_padlock_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c padlock -n "__fish_padlock_needs_command" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_needs_command" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_needs_command" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_needs_command" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_needs_command" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_needs_command" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_needs_command" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_needs_command" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_needs_command" -s V -l version -d 'Print version'
complete -c padlock -n "__fish_padlock_needs_command" -f -a "login" -d 'Log in to a padlock server'
complete -c padlock -n "__fish_padlock_needs_command" -f -a "logout" -d 'End the session here and on the server'
complete -c padlock -n "__fish_padlock_needs_command" -f -a "status" -d 'Who you are, which server, second factor, grant time left (works offline)'
complete -c padlock -n "__fish_padlock_needs_command" -f -a "doctor" -d 'Check the credential store, the server (reachability, version, TLS, clock) and the cached session and grant; say what to do about each problem. Exit 0 when all work'
complete -c padlock -n "__fish_padlock_needs_command" -f -a "apps" -d 'Apps you belong to'
complete -c padlock -n "__fish_padlock_needs_command" -f -a "envs" -d 'Environments of an app'
complete -c padlock -n "__fish_padlock_needs_command" -f -a "packages" -d 'Deployment packages'
complete -c padlock -n "__fish_padlock_needs_command" -f -a "transport" -d 'Transport a package to an environment'
complete -c padlock -n "__fish_padlock_needs_command" -f -a "env" -d 'Start, stop or restart an environment'
complete -c padlock -n "__fish_padlock_needs_command" -f -a "backups" -d 'Backups of an environment'
complete -c padlock -n "__fish_padlock_needs_command" -f -a "permissions" -d 'Node permissions of app members'
complete -c padlock -n "__fish_padlock_needs_command" -f -a "team" -d 'An app\'s team: develop and deploy members'
complete -c padlock -n "__fish_padlock_needs_command" -f -a "node" -d 'Node details of an app (padlocked)'
complete -c padlock -n "__fish_padlock_needs_command" -f -a "2fa" -d 'Your second factor'
complete -c padlock -n "__fish_padlock_needs_command" -f -a "grant" -d 'CI grants: pre-issued, scoped, expiring grants for scripts'
complete -c padlock -n "__fish_padlock_needs_command" -f -a "can-i" -d 'Would an operation be allowed now? Exit 0 yes, 4 no; nothing is done'
complete -c padlock -n "__fish_padlock_needs_command" -f -a "ops" -d 'Follow operations'
complete -c padlock -n "__fish_padlock_needs_command" -f -a "audit" -d 'Read the audit log (`--output jsonl` streams one event per line for exports)'
complete -c padlock -n "__fish_padlock_needs_command" -f -a "admin" -d 'Support: users, apps, 2FA resets'
complete -c padlock -n "__fish_padlock_needs_command" -f -a "server" -d 'Run the padlock server'
complete -c padlock -n "__fish_padlock_needs_command" -f -a "completions" -d 'Print shell completions'
complete -c padlock -n "__fish_padlock_needs_command" -f -a "man" -d 'Write man pages, one per command, into a directory (for packagers)'
complete -c padlock -n "__fish_padlock_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand login" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand login" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand login" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand login" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand login" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand login" -l password-stdin -d 'Read the password from standard input (also: PADLOCK_PASSWORD)'
complete -c padlock -n "__fish_padlock_using_subcommand login" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand login" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand login" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand logout" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand logout" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand logout" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand logout" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand logout" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand logout" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand logout" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand logout" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand status" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand status" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand status" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand status" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand status" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand status" -l offline -d 'Show what is cached here without asking the server'
complete -c padlock -n "__fish_padlock_using_subcommand status" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand status" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand status" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand doctor" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand doctor" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand doctor" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand doctor" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand doctor" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand doctor" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand doctor" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand doctor" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand apps; and not __fish_seen_subcommand_from list help" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand apps; and not __fish_seen_subcommand_from list help" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand apps; and not __fish_seen_subcommand_from list help" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand apps; and not __fish_seen_subcommand_from list help" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand apps; and not __fish_seen_subcommand_from list help" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand apps; and not __fish_seen_subcommand_from list help" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand apps; and not __fish_seen_subcommand_from list help" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand apps; and not __fish_seen_subcommand_from list help" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand apps; and not __fish_seen_subcommand_from list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand apps; and not __fish_seen_subcommand_from list help" -f -a "list" -d 'Apps you belong to (support: all apps)'
complete -c padlock -n "__fish_padlock_using_subcommand apps; and not __fish_seen_subcommand_from list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand apps; and __fish_seen_subcommand_from list" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand apps; and __fish_seen_subcommand_from list" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand apps; and __fish_seen_subcommand_from list" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand apps; and __fish_seen_subcommand_from list" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand apps; and __fish_seen_subcommand_from list" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand apps; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand apps; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand apps; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand apps; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand apps; and __fish_seen_subcommand_from help" -f -a "list" -d 'Apps you belong to (support: all apps)'
complete -c padlock -n "__fish_padlock_using_subcommand apps; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand envs; and not __fish_seen_subcommand_from list help" -l app -d 'The app (see padlock apps list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand envs; and not __fish_seen_subcommand_from list help" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand envs; and not __fish_seen_subcommand_from list help" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand envs; and not __fish_seen_subcommand_from list help" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand envs; and not __fish_seen_subcommand_from list help" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand envs; and not __fish_seen_subcommand_from list help" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand envs; and not __fish_seen_subcommand_from list help" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand envs; and not __fish_seen_subcommand_from list help" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand envs; and not __fish_seen_subcommand_from list help" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand envs; and not __fish_seen_subcommand_from list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand envs; and not __fish_seen_subcommand_from list help" -f -a "list" -d 'Environments of an app; 🔒 marks padlocked ones'
complete -c padlock -n "__fish_padlock_using_subcommand envs; and not __fish_seen_subcommand_from list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand envs; and __fish_seen_subcommand_from list" -l app -d 'The app (see padlock apps list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand envs; and __fish_seen_subcommand_from list" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand envs; and __fish_seen_subcommand_from list" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand envs; and __fish_seen_subcommand_from list" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand envs; and __fish_seen_subcommand_from list" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand envs; and __fish_seen_subcommand_from list" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand envs; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand envs; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand envs; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand envs; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand envs; and __fish_seen_subcommand_from help" -f -a "list" -d 'Environments of an app; 🔒 marks padlocked ones'
complete -c padlock -n "__fish_padlock_using_subcommand envs; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand packages; and not __fish_seen_subcommand_from list upload help" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand packages; and not __fish_seen_subcommand_from list upload help" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand packages; and not __fish_seen_subcommand_from list upload help" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand packages; and not __fish_seen_subcommand_from list upload help" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand packages; and not __fish_seen_subcommand_from list upload help" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand packages; and not __fish_seen_subcommand_from list upload help" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand packages; and not __fish_seen_subcommand_from list upload help" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand packages; and not __fish_seen_subcommand_from list upload help" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand packages; and not __fish_seen_subcommand_from list upload help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand packages; and not __fish_seen_subcommand_from list upload help" -f -a "list" -d 'Packages of an app and where they run'
complete -c padlock -n "__fish_padlock_using_subcommand packages; and not __fish_seen_subcommand_from list upload help" -f -a "upload" -d 'Upload a deployment package (an MDA file or any artifact)'
complete -c padlock -n "__fish_padlock_using_subcommand packages; and not __fish_seen_subcommand_from list upload help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand packages; and __fish_seen_subcommand_from list" -l app -d 'The app (see padlock apps list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand packages; and __fish_seen_subcommand_from list" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand packages; and __fish_seen_subcommand_from list" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand packages; and __fish_seen_subcommand_from list" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand packages; and __fish_seen_subcommand_from list" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand packages; and __fish_seen_subcommand_from list" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand packages; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand packages; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand packages; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand packages; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand packages; and __fish_seen_subcommand_from upload" -l app -d 'The app (see padlock apps list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand packages; and __fish_seen_subcommand_from upload" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand packages; and __fish_seen_subcommand_from upload" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand packages; and __fish_seen_subcommand_from upload" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand packages; and __fish_seen_subcommand_from upload" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand packages; and __fish_seen_subcommand_from upload" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand packages; and __fish_seen_subcommand_from upload" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand packages; and __fish_seen_subcommand_from upload" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand packages; and __fish_seen_subcommand_from upload" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand packages; and __fish_seen_subcommand_from upload" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand packages; and __fish_seen_subcommand_from help" -f -a "list" -d 'Packages of an app and where they run'
complete -c padlock -n "__fish_padlock_using_subcommand packages; and __fish_seen_subcommand_from help" -f -a "upload" -d 'Upload a deployment package (an MDA file or any artifact)'
complete -c padlock -n "__fish_padlock_using_subcommand packages; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand transport" -l app -d 'The app (see padlock apps list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand transport" -l package -d 'The package to transport (see padlock packages list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand transport" -l from -d 'Promote the package that runs in this environment' -r
complete -c padlock -n "__fish_padlock_using_subcommand transport" -l to -d 'The environment to transport to' -r
complete -c padlock -n "__fish_padlock_using_subcommand transport" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand transport" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand transport" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand transport" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand transport" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand transport" -l detach -d 'Start it and print the operation id, without following it'
complete -c padlock -n "__fish_padlock_using_subcommand transport" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand transport" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand transport" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand transport" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand env; and not __fish_seen_subcommand_from list start stop restart help" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand env; and not __fish_seen_subcommand_from list start stop restart help" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand env; and not __fish_seen_subcommand_from list start stop restart help" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand env; and not __fish_seen_subcommand_from list start stop restart help" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand env; and not __fish_seen_subcommand_from list start stop restart help" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand env; and not __fish_seen_subcommand_from list start stop restart help" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand env; and not __fish_seen_subcommand_from list start stop restart help" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand env; and not __fish_seen_subcommand_from list start stop restart help" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand env; and not __fish_seen_subcommand_from list start stop restart help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand env; and not __fish_seen_subcommand_from list start stop restart help" -f -a "list" -d 'Environments of the app (the same as padlock envs --app APP)'
complete -c padlock -n "__fish_padlock_using_subcommand env; and not __fish_seen_subcommand_from list start stop restart help" -f -a "start" -d 'Start an environment'
complete -c padlock -n "__fish_padlock_using_subcommand env; and not __fish_seen_subcommand_from list start stop restart help" -f -a "stop" -d 'Stop an environment'
complete -c padlock -n "__fish_padlock_using_subcommand env; and not __fish_seen_subcommand_from list start stop restart help" -f -a "restart" -d 'Restart an environment'
complete -c padlock -n "__fish_padlock_using_subcommand env; and not __fish_seen_subcommand_from list start stop restart help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from list" -l app -d 'The app (see padlock apps list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from list" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from list" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from list" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from list" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from list" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from start" -l app -d 'The app (see padlock apps list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from start" -l env -d 'The environment (see padlock envs --app APP)' -r
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from start" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from start" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from start" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from start" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from start" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from start" -l detach -d 'Start it and print the operation id, without following it'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from start" -s y -l yes -d 'Do not ask before stopping a padlocked environment (nothing asks without a terminal)'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from start" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from start" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from start" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from stop" -l app -d 'The app (see padlock apps list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from stop" -l env -d 'The environment (see padlock envs --app APP)' -r
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from stop" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from stop" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from stop" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from stop" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from stop" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from stop" -l detach -d 'Start it and print the operation id, without following it'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from stop" -s y -l yes -d 'Do not ask before stopping a padlocked environment (nothing asks without a terminal)'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from stop" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from stop" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from stop" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from restart" -l app -d 'The app (see padlock apps list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from restart" -l env -d 'The environment (see padlock envs --app APP)' -r
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from restart" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from restart" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from restart" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from restart" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from restart" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from restart" -l detach -d 'Start it and print the operation id, without following it'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from restart" -s y -l yes -d 'Do not ask before stopping a padlocked environment (nothing asks without a terminal)'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from restart" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from restart" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from restart" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from help" -f -a "list" -d 'Environments of the app (the same as padlock envs --app APP)'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start an environment'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Stop an environment'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from help" -f -a "restart" -d 'Restart an environment'
complete -c padlock -n "__fish_padlock_using_subcommand env; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and not __fish_seen_subcommand_from list create download restore help" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand backups; and not __fish_seen_subcommand_from list create download restore help" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand backups; and not __fish_seen_subcommand_from list create download restore help" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand backups; and not __fish_seen_subcommand_from list create download restore help" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand backups; and not __fish_seen_subcommand_from list create download restore help" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand backups; and not __fish_seen_subcommand_from list create download restore help" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and not __fish_seen_subcommand_from list create download restore help" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and not __fish_seen_subcommand_from list create download restore help" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and not __fish_seen_subcommand_from list create download restore help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and not __fish_seen_subcommand_from list create download restore help" -f -a "list" -d 'Backups of an environment'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and not __fish_seen_subcommand_from list create download restore help" -f -a "create" -d 'Create a backup (runs the backup hook)'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and not __fish_seen_subcommand_from list create download restore help" -f -a "download" -d 'Download a backup (the latest without an id)'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and not __fish_seen_subcommand_from list create download restore help" -f -a "restore" -d 'Restore a backup over the environment\'s data (the latest without an id)'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and not __fish_seen_subcommand_from list create download restore help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from list" -l app -d 'The app (see padlock apps list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from list" -l env -d 'The environment (see padlock envs --app APP)' -r
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from list" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from list" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from list" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from list" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from list" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from create" -l app -d 'The app (see padlock apps list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from create" -l env -d 'The environment (see padlock envs --app APP)' -r
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from create" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from create" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from create" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from create" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from create" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from create" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from download" -l app -d 'The app (see padlock apps list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from download" -l env -d 'The environment (see padlock envs --app APP)' -r
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from download" -s o -l output-file -d 'Where to write it [default: APP-ENV-ID.bak]' -r -F
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from download" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from download" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from download" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from download" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from download" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from download" -l force -d 'Replace FILE if it exists'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from download" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from download" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from download" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from download" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from restore" -l app -d 'The app (see padlock apps list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from restore" -l env -d 'The environment (see padlock envs --app APP)' -r
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from restore" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from restore" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from restore" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from restore" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from restore" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from restore" -s y -l yes -d 'Do not ask before restoring over a padlocked environment (nothing asks without a terminal)'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from restore" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from restore" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from help" -f -a "list" -d 'Backups of an environment'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a backup (runs the backup hook)'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from help" -f -a "download" -d 'Download a backup (the latest without an id)'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Restore a backup over the environment\'s data (the latest without an id)'
complete -c padlock -n "__fish_padlock_using_subcommand backups; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and not __fish_seen_subcommand_from list grant revoke help" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and not __fish_seen_subcommand_from list grant revoke help" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and not __fish_seen_subcommand_from list grant revoke help" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and not __fish_seen_subcommand_from list grant revoke help" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and not __fish_seen_subcommand_from list grant revoke help" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and not __fish_seen_subcommand_from list grant revoke help" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and not __fish_seen_subcommand_from list grant revoke help" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and not __fish_seen_subcommand_from list grant revoke help" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and not __fish_seen_subcommand_from list grant revoke help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and not __fish_seen_subcommand_from list grant revoke help" -f -a "list" -d 'Who may do what on the app\'s environments'
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and not __fish_seen_subcommand_from list grant revoke help" -f -a "grant" -d 'Give a member permissions (padlocked on padlocked environments)'
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and not __fish_seen_subcommand_from list grant revoke help" -f -a "revoke" -d 'Take permissions away (padlocked on padlocked environments)'
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and not __fish_seen_subcommand_from list grant revoke help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from list" -l app -d 'The app (see padlock apps list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from list" -l env -d 'The environment (see padlock envs --app APP)' -r
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from list" -l user -d 'The member\'s username' -r
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from list" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from list" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from list" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from list" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from list" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from grant" -l app -d 'The app (see padlock apps list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from grant" -l env -d 'One environment [default: every environment of the app]' -r
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from grant" -l user -d 'The member\'s username' -r
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from grant" -l allow -d 'Comma-separated: view, transport, manage, backups' -r
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from grant" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from grant" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from grant" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from grant" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from grant" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from grant" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from grant" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from grant" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from grant" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from revoke" -l app -d 'The app (see padlock apps list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from revoke" -l env -d 'One environment [default: every environment of the app]' -r
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from revoke" -l user -d 'The member\'s username' -r
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from revoke" -l allow -d 'Comma-separated: view, transport, manage, backups' -r
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from revoke" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from revoke" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from revoke" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from revoke" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from revoke" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from revoke" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from help" -f -a "list" -d 'Who may do what on the app\'s environments'
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from help" -f -a "grant" -d 'Give a member permissions (padlocked on padlocked environments)'
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Take permissions away (padlocked on padlocked environments)'
complete -c padlock -n "__fish_padlock_using_subcommand permissions; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand team; and not __fish_seen_subcommand_from list add remove help" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand team; and not __fish_seen_subcommand_from list add remove help" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand team; and not __fish_seen_subcommand_from list add remove help" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand team; and not __fish_seen_subcommand_from list add remove help" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand team; and not __fish_seen_subcommand_from list add remove help" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand team; and not __fish_seen_subcommand_from list add remove help" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand team; and not __fish_seen_subcommand_from list add remove help" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand team; and not __fish_seen_subcommand_from list add remove help" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand team; and not __fish_seen_subcommand_from list add remove help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand team; and not __fish_seen_subcommand_from list add remove help" -f -a "list" -d 'Who is on the app\'s team, with which role'
complete -c padlock -n "__fish_padlock_using_subcommand team; and not __fish_seen_subcommand_from list add remove help" -f -a "add" -d 'Put a user on the team, or change their role (padlocked for deploy on apps with a padlocked environment)'
complete -c padlock -n "__fish_padlock_using_subcommand team; and not __fish_seen_subcommand_from list add remove help" -f -a "remove" -d 'Take a user off the team, with their node permissions and CI grants for the app (padlocked on apps with a padlocked environment)'
complete -c padlock -n "__fish_padlock_using_subcommand team; and not __fish_seen_subcommand_from list add remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from list" -l app -d 'The app (see padlock apps list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from list" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from list" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from list" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from list" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from list" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from add" -l app -d 'The app (see padlock apps list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from add" -l user -d 'The member\'s username' -r
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from add" -l role -r -f -a "develop\t'Reads the app\'s environments and packages, uploads packages'
deploy\t'May be granted node permissions (padlock permissions grant)'"
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from add" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from add" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from add" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from add" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from add" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from remove" -l app -d 'The app (see padlock apps list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from remove" -l user -d 'The member\'s username' -r
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from remove" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from remove" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from remove" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from remove" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from remove" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from remove" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from help" -f -a "list" -d 'Who is on the app\'s team, with which role'
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from help" -f -a "add" -d 'Put a user on the team, or change their role (padlocked for deploy on apps with a padlocked environment)'
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Take a user off the team, with their node permissions and CI grants for the app (padlocked on apps with a padlocked environment)'
complete -c padlock -n "__fish_padlock_using_subcommand team; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand node; and not __fish_seen_subcommand_from show help" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand node; and not __fish_seen_subcommand_from show help" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand node; and not __fish_seen_subcommand_from show help" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand node; and not __fish_seen_subcommand_from show help" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand node; and not __fish_seen_subcommand_from show help" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand node; and not __fish_seen_subcommand_from show help" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand node; and not __fish_seen_subcommand_from show help" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand node; and not __fish_seen_subcommand_from show help" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand node; and not __fish_seen_subcommand_from show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand node; and not __fish_seen_subcommand_from show help" -f -a "show" -d 'What runs where, with package identities'
complete -c padlock -n "__fish_padlock_using_subcommand node; and not __fish_seen_subcommand_from show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand node; and __fish_seen_subcommand_from show" -l app -d 'The app (see padlock apps list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand node; and __fish_seen_subcommand_from show" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand node; and __fish_seen_subcommand_from show" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand node; and __fish_seen_subcommand_from show" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand node; and __fish_seen_subcommand_from show" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand node; and __fish_seen_subcommand_from show" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand node; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand node; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand node; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand node; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand node; and __fish_seen_subcommand_from help" -f -a "show" -d 'What runs where, with package identities'
complete -c padlock -n "__fish_padlock_using_subcommand node; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and not __fish_seen_subcommand_from setup confirm status verify help" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and not __fish_seen_subcommand_from setup confirm status verify help" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and not __fish_seen_subcommand_from setup confirm status verify help" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and not __fish_seen_subcommand_from setup confirm status verify help" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and not __fish_seen_subcommand_from setup confirm status verify help" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and not __fish_seen_subcommand_from setup confirm status verify help" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and not __fish_seen_subcommand_from setup confirm status verify help" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and not __fish_seen_subcommand_from setup confirm status verify help" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and not __fish_seen_subcommand_from setup confirm status verify help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and not __fish_seen_subcommand_from setup confirm status verify help" -f -a "setup" -d 'Set up your second factor (once; only support can reset it)'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and not __fish_seen_subcommand_from setup confirm status verify help" -f -a "confirm" -d 'Activate a pending setup with its first code (--otp, --otp-command or a prompt)'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and not __fish_seen_subcommand_from setup confirm status verify help" -f -a "status" -d 'Your second factor and the grant in force'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and not __fish_seen_subcommand_from setup confirm status verify help" -f -a "verify" -d 'Check a code now and keep the eight-hour grant it yields'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and not __fish_seen_subcommand_from setup confirm status verify help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from setup" -l method -r -f -a "totp\t'An authenticator app (TOTP)'
sms\t'A code by SMS'"
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from setup" -l phone -d 'Phone number for SMS, in E.164 form (+4915112345678)' -r
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from setup" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from setup" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from setup" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from setup" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from setup" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from setup" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from setup" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from setup" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from setup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from confirm" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from confirm" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from confirm" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from confirm" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from confirm" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from confirm" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from confirm" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from confirm" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from confirm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from status" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from status" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from status" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from status" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from status" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from status" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from verify" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from verify" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from verify" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from verify" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from verify" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from verify" -l resend -d 'SMS: send a new code first'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from verify" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from help" -f -a "setup" -d 'Set up your second factor (once; only support can reset it)'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from help" -f -a "confirm" -d 'Activate a pending setup with its first code (--otp, --otp-command or a prompt)'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from help" -f -a "status" -d 'Your second factor and the grant in force'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check a code now and keep the eight-hour grant it yields'
complete -c padlock -n "__fish_padlock_using_subcommand 2fa; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand grant; and not __fish_seen_subcommand_from issue list revoke help" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand grant; and not __fish_seen_subcommand_from issue list revoke help" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand grant; and not __fish_seen_subcommand_from issue list revoke help" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand grant; and not __fish_seen_subcommand_from issue list revoke help" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand grant; and not __fish_seen_subcommand_from issue list revoke help" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand grant; and not __fish_seen_subcommand_from issue list revoke help" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand grant; and not __fish_seen_subcommand_from issue list revoke help" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand grant; and not __fish_seen_subcommand_from issue list revoke help" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand grant; and not __fish_seen_subcommand_from issue list revoke help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand grant; and not __fish_seen_subcommand_from issue list revoke help" -f -a "issue" -d 'Issue a CI grant (padlocked); the token is printed once'
complete -c padlock -n "__fish_padlock_using_subcommand grant; and not __fish_seen_subcommand_from issue list revoke help" -f -a "list" -d 'Your CI grants (support: everyone\'s); never the tokens'
complete -c padlock -n "__fish_padlock_using_subcommand grant; and not __fish_seen_subcommand_from issue list revoke help" -f -a "revoke" -d 'Revoke a CI grant; its next use is refused'
complete -c padlock -n "__fish_padlock_using_subcommand grant; and not __fish_seen_subcommand_from issue list revoke help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from issue" -l app -d 'The app (see padlock apps list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from issue" -l env -d 'Environment (repeatable)' -r
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from issue" -l allow -d 'Comma-separated: transport, manage, backups' -r
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from issue" -l ttl -d 'Lifetime, e.g. 8h or 7d [default: 8h; capped by the server]' -r
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from issue" -l label -d 'What the grant is for, shown in listings and the audit log' -r
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from issue" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from issue" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from issue" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from issue" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from issue" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from issue" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from issue" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from issue" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from issue" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from list" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from list" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from list" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from list" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from list" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from revoke" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from revoke" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from revoke" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from revoke" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from revoke" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from revoke" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from help" -f -a "issue" -d 'Issue a CI grant (padlocked); the token is printed once'
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from help" -f -a "list" -d 'Your CI grants (support: everyone\'s); never the tokens'
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke a CI grant; its next use is refused'
complete -c padlock -n "__fish_padlock_using_subcommand grant; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand can-i" -l app -d 'The app (see padlock apps list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand can-i" -l env -d 'The environment (see padlock envs --app APP)' -r
complete -c padlock -n "__fish_padlock_using_subcommand can-i" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand can-i" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand can-i" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand can-i" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand can-i" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand can-i" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand can-i" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand can-i" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand can-i" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand ops; and not __fish_seen_subcommand_from list show follow help" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand ops; and not __fish_seen_subcommand_from list show follow help" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand ops; and not __fish_seen_subcommand_from list show follow help" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand ops; and not __fish_seen_subcommand_from list show follow help" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand ops; and not __fish_seen_subcommand_from list show follow help" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand ops; and not __fish_seen_subcommand_from list show follow help" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand ops; and not __fish_seen_subcommand_from list show follow help" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand ops; and not __fish_seen_subcommand_from list show follow help" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand ops; and not __fish_seen_subcommand_from list show follow help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand ops; and not __fish_seen_subcommand_from list show follow help" -f -a "list" -d 'Recent operations you may view, newest first'
complete -c padlock -n "__fish_padlock_using_subcommand ops; and not __fish_seen_subcommand_from list show follow help" -f -a "show" -d 'An operation\'s state and log'
complete -c padlock -n "__fish_padlock_using_subcommand ops; and not __fish_seen_subcommand_from list show follow help" -f -a "follow" -d 'Follow an operation until it ends, printing its log'
complete -c padlock -n "__fish_padlock_using_subcommand ops; and not __fish_seen_subcommand_from list show follow help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from list" -l app -d 'Only this app\'s operations (see padlock apps list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from list" -l env -d 'Only this environment\'s operations' -r
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from list" -l state -d 'Only operations in this state' -r -f -a "queued\t''
running\t''
succeeded\t''
failed\t''"
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from list" -l limit -d 'At most this many (the newest, up to 100)' -r
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from list" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from list" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from list" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from list" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from list" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from show" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from show" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from show" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from show" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from show" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from follow" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from follow" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from follow" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from follow" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from follow" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from follow" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from follow" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from follow" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from follow" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from help" -f -a "list" -d 'Recent operations you may view, newest first'
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from help" -f -a "show" -d 'An operation\'s state and log'
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from help" -f -a "follow" -d 'Follow an operation until it ends, printing its log'
complete -c padlock -n "__fish_padlock_using_subcommand ops; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand audit" -l app -d 'The app (see padlock apps list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand audit" -l operation -d 'Only the events of this operation (see padlock ops list)' -r
complete -c padlock -n "__fish_padlock_using_subcommand audit" -l since -d 'How far back: 24h, 7d, 30m' -r
complete -c padlock -n "__fish_padlock_using_subcommand audit" -l limit -d 'At most this many (the newest)' -r
complete -c padlock -n "__fish_padlock_using_subcommand audit" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand audit" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand audit" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand audit" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand audit" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand audit" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand audit" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand audit" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and not __fish_seen_subcommand_from users apps reset-2fa help" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand admin; and not __fish_seen_subcommand_from users apps reset-2fa help" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand admin; and not __fish_seen_subcommand_from users apps reset-2fa help" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand admin; and not __fish_seen_subcommand_from users apps reset-2fa help" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand admin; and not __fish_seen_subcommand_from users apps reset-2fa help" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand admin; and not __fish_seen_subcommand_from users apps reset-2fa help" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and not __fish_seen_subcommand_from users apps reset-2fa help" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and not __fish_seen_subcommand_from users apps reset-2fa help" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and not __fish_seen_subcommand_from users apps reset-2fa help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and not __fish_seen_subcommand_from users apps reset-2fa help" -f -a "users" -d 'Accounts'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and not __fish_seen_subcommand_from users apps reset-2fa help" -f -a "apps" -d 'Apps'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and not __fish_seen_subcommand_from users apps reset-2fa help" -f -a "reset-2fa" -d 'Reset a user\'s second factor and revoke all their grants (padlocked)'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and not __fish_seen_subcommand_from users apps reset-2fa help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from users" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from users" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from users" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from users" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from users" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from users" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from users" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from users" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from users" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from users" -f -a "create" -d 'Create an account; prints a generated password when none is given'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from users" -f -a "list" -d 'All accounts'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from users" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from apps" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from apps" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from apps" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from apps" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from apps" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from apps" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from apps" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from apps" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from apps" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from apps" -f -a "create" -d 'Create an app'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from apps" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from reset-2fa" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from reset-2fa" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from reset-2fa" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from reset-2fa" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from reset-2fa" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from reset-2fa" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from reset-2fa" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from reset-2fa" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from reset-2fa" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "users" -d 'Accounts'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "apps" -d 'Apps'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "reset-2fa" -d 'Reset a user\'s second factor and revoke all their grants (padlocked)'
complete -c padlock -n "__fish_padlock_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand server; and not __fish_seen_subcommand_from rotate-master-key add-support-account help" -l config -d 'TOML configuration file' -r -F
complete -c padlock -n "__fish_padlock_using_subcommand server; and not __fish_seen_subcommand_from rotate-master-key add-support-account help" -l database-url -d 'sqlite://PATH (default, in the data folder) or postgres://…' -r
complete -c padlock -n "__fish_padlock_using_subcommand server; and not __fish_seen_subcommand_from rotate-master-key add-support-account help" -l data-dir -d 'Data folder: database, packages, backups, dev files' -r -F
complete -c padlock -n "__fish_padlock_using_subcommand server; and not __fish_seen_subcommand_from rotate-master-key add-support-account help" -l listen -d 'Address to listen on (127.0.0.1:0 picks a free port)' -r
complete -c padlock -n "__fish_padlock_using_subcommand server; and not __fish_seen_subcommand_from rotate-master-key add-support-account help" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand server; and not __fish_seen_subcommand_from rotate-master-key add-support-account help" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand server; and not __fish_seen_subcommand_from rotate-master-key add-support-account help" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand server; and not __fish_seen_subcommand_from rotate-master-key add-support-account help" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand server; and not __fish_seen_subcommand_from rotate-master-key add-support-account help" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand server; and not __fish_seen_subcommand_from rotate-master-key add-support-account help" -l dev -d 'Start at once with no setup: fresh SQLite data folder, admin account, demo app, SMS codes to an outbox file, hooks that only log'
complete -c padlock -n "__fish_padlock_using_subcommand server; and not __fish_seen_subcommand_from rotate-master-key add-support-account help" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand server; and not __fish_seen_subcommand_from rotate-master-key add-support-account help" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand server; and not __fish_seen_subcommand_from rotate-master-key add-support-account help" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand server; and not __fish_seen_subcommand_from rotate-master-key add-support-account help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand server; and not __fish_seen_subcommand_from rotate-master-key add-support-account help" -f -a "rotate-master-key" -d 'Re-seal every TOTP secret and re-key pending SMS codes under a new master key, in one transaction; stop every server on the database first'
complete -c padlock -n "__fish_padlock_using_subcommand server; and not __fish_seen_subcommand_from rotate-master-key add-support-account help" -f -a "add-support-account" -d 'Create a support account from the server\'s host: how a production server gets its first one (support creates the others). Prints a generated password once'
complete -c padlock -n "__fish_padlock_using_subcommand server; and not __fish_seen_subcommand_from rotate-master-key add-support-account help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from rotate-master-key" -l new-key-file -d 'File holding the new master key (32 random bytes as hex or base64)' -r -F
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from rotate-master-key" -l config -d 'TOML configuration file' -r -F
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from rotate-master-key" -l database-url -d 'sqlite://PATH (default, in the data folder) or postgres://…' -r
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from rotate-master-key" -l data-dir -d 'Data folder: database, packages, backups, dev files' -r -F
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from rotate-master-key" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from rotate-master-key" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from rotate-master-key" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from rotate-master-key" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from rotate-master-key" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from rotate-master-key" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from rotate-master-key" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from rotate-master-key" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from rotate-master-key" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from add-support-account" -l config -d 'TOML configuration file' -r -F
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from add-support-account" -l database-url -d 'sqlite://PATH (default, in the data folder) or postgres://…' -r
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from add-support-account" -l data-dir -d 'Data folder: database, packages, backups, dev files' -r -F
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from add-support-account" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from add-support-account" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from add-support-account" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from add-support-account" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from add-support-account" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from add-support-account" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from add-support-account" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from add-support-account" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from add-support-account" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "rotate-master-key" -d 'Re-seal every TOTP secret and re-key pending SMS codes under a new master key, in one transaction; stop every server on the database first'
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "add-support-account" -d 'Create a support account from the server\'s host: how a production server gets its first one (support creates the others). Prints a generated password once'
complete -c padlock -n "__fish_padlock_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand completions" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand completions" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand completions" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand completions" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand completions" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand completions" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand completions" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand completions" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand man" -l server -d 'The padlock server, e.g. https://padlock.example.com' -r
complete -c padlock -n "__fish_padlock_using_subcommand man" -l output -d 'Output format: text for people, json for scripts (one document; lists are arrays), jsonl for exports (one JSON value per line; a list one element per line)' -r -f -a "text\t''
json\t''
jsonl\t''"
complete -c padlock -n "__fish_padlock_using_subcommand man" -l otp -d 'The second-factor code to use if one is needed' -r
complete -c padlock -n "__fish_padlock_using_subcommand man" -l otp-command -d 'A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")' -r
complete -c padlock -n "__fish_padlock_using_subcommand man" -l credential-store -d 'Where the session and grant are kept [default: OS keyring, then kernel keyring]' -r -f -a "keyring\t'The OS keyring (Keychain, Credential Manager, Secret Service)'
kernel\t'The Linux kernel keyring'
file\t'A plaintext file (mode 0600) in the config directory'"
complete -c padlock -n "__fish_padlock_using_subcommand man" -l no-input -d 'Never prompt; fail with exit code 3 when a second factor is needed and no code is given'
complete -c padlock -n "__fish_padlock_using_subcommand man" -s q -l quiet -d 'Print only what scripts need'
complete -c padlock -n "__fish_padlock_using_subcommand man" -s v -l verbose -d 'Say more (repeat for more)'
complete -c padlock -n "__fish_padlock_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c padlock -n "__fish_padlock_using_subcommand help; and not __fish_seen_subcommand_from login logout status doctor apps envs packages transport env backups permissions team node 2fa grant can-i ops audit admin server completions man help" -f -a "login" -d 'Log in to a padlock server'
complete -c padlock -n "__fish_padlock_using_subcommand help; and not __fish_seen_subcommand_from login logout status doctor apps envs packages transport env backups permissions team node 2fa grant can-i ops audit admin server completions man help" -f -a "logout" -d 'End the session here and on the server'
complete -c padlock -n "__fish_padlock_using_subcommand help; and not __fish_seen_subcommand_from login logout status doctor apps envs packages transport env backups permissions team node 2fa grant can-i ops audit admin server completions man help" -f -a "status" -d 'Who you are, which server, second factor, grant time left (works offline)'
complete -c padlock -n "__fish_padlock_using_subcommand help; and not __fish_seen_subcommand_from login logout status doctor apps envs packages transport env backups permissions team node 2fa grant can-i ops audit admin server completions man help" -f -a "doctor" -d 'Check the credential store, the server (reachability, version, TLS, clock) and the cached session and grant; say what to do about each problem. Exit 0 when all work'
complete -c padlock -n "__fish_padlock_using_subcommand help; and not __fish_seen_subcommand_from login logout status doctor apps envs packages transport env backups permissions team node 2fa grant can-i ops audit admin server completions man help" -f -a "apps" -d 'Apps you belong to'
complete -c padlock -n "__fish_padlock_using_subcommand help; and not __fish_seen_subcommand_from login logout status doctor apps envs packages transport env backups permissions team node 2fa grant can-i ops audit admin server completions man help" -f -a "envs" -d 'Environments of an app'
complete -c padlock -n "__fish_padlock_using_subcommand help; and not __fish_seen_subcommand_from login logout status doctor apps envs packages transport env backups permissions team node 2fa grant can-i ops audit admin server completions man help" -f -a "packages" -d 'Deployment packages'
complete -c padlock -n "__fish_padlock_using_subcommand help; and not __fish_seen_subcommand_from login logout status doctor apps envs packages transport env backups permissions team node 2fa grant can-i ops audit admin server completions man help" -f -a "transport" -d 'Transport a package to an environment'
complete -c padlock -n "__fish_padlock_using_subcommand help; and not __fish_seen_subcommand_from login logout status doctor apps envs packages transport env backups permissions team node 2fa grant can-i ops audit admin server completions man help" -f -a "env" -d 'Start, stop or restart an environment'
complete -c padlock -n "__fish_padlock_using_subcommand help; and not __fish_seen_subcommand_from login logout status doctor apps envs packages transport env backups permissions team node 2fa grant can-i ops audit admin server completions man help" -f -a "backups" -d 'Backups of an environment'
complete -c padlock -n "__fish_padlock_using_subcommand help; and not __fish_seen_subcommand_from login logout status doctor apps envs packages transport env backups permissions team node 2fa grant can-i ops audit admin server completions man help" -f -a "permissions" -d 'Node permissions of app members'
complete -c padlock -n "__fish_padlock_using_subcommand help; and not __fish_seen_subcommand_from login logout status doctor apps envs packages transport env backups permissions team node 2fa grant can-i ops audit admin server completions man help" -f -a "team" -d 'An app\'s team: develop and deploy members'
complete -c padlock -n "__fish_padlock_using_subcommand help; and not __fish_seen_subcommand_from login logout status doctor apps envs packages transport env backups permissions team node 2fa grant can-i ops audit admin server completions man help" -f -a "node" -d 'Node details of an app (padlocked)'
complete -c padlock -n "__fish_padlock_using_subcommand help; and not __fish_seen_subcommand_from login logout status doctor apps envs packages transport env backups permissions team node 2fa grant can-i ops audit admin server completions man help" -f -a "2fa" -d 'Your second factor'
complete -c padlock -n "__fish_padlock_using_subcommand help; and not __fish_seen_subcommand_from login logout status doctor apps envs packages transport env backups permissions team node 2fa grant can-i ops audit admin server completions man help" -f -a "grant" -d 'CI grants: pre-issued, scoped, expiring grants for scripts'
complete -c padlock -n "__fish_padlock_using_subcommand help; and not __fish_seen_subcommand_from login logout status doctor apps envs packages transport env backups permissions team node 2fa grant can-i ops audit admin server completions man help" -f -a "can-i" -d 'Would an operation be allowed now? Exit 0 yes, 4 no; nothing is done'
complete -c padlock -n "__fish_padlock_using_subcommand help; and not __fish_seen_subcommand_from login logout status doctor apps envs packages transport env backups permissions team node 2fa grant can-i ops audit admin server completions man help" -f -a "ops" -d 'Follow operations'
complete -c padlock -n "__fish_padlock_using_subcommand help; and not __fish_seen_subcommand_from login logout status doctor apps envs packages transport env backups permissions team node 2fa grant can-i ops audit admin server completions man help" -f -a "audit" -d 'Read the audit log (`--output jsonl` streams one event per line for exports)'
complete -c padlock -n "__fish_padlock_using_subcommand help; and not __fish_seen_subcommand_from login logout status doctor apps envs packages transport env backups permissions team node 2fa grant can-i ops audit admin server completions man help" -f -a "admin" -d 'Support: users, apps, 2FA resets'
complete -c padlock -n "__fish_padlock_using_subcommand help; and not __fish_seen_subcommand_from login logout status doctor apps envs packages transport env backups permissions team node 2fa grant can-i ops audit admin server completions man help" -f -a "server" -d 'Run the padlock server'
complete -c padlock -n "__fish_padlock_using_subcommand help; and not __fish_seen_subcommand_from login logout status doctor apps envs packages transport env backups permissions team node 2fa grant can-i ops audit admin server completions man help" -f -a "completions" -d 'Print shell completions'
complete -c padlock -n "__fish_padlock_using_subcommand help; and not __fish_seen_subcommand_from login logout status doctor apps envs packages transport env backups permissions team node 2fa grant can-i ops audit admin server completions man help" -f -a "man" -d 'Write man pages, one per command, into a directory (for packagers)'
complete -c padlock -n "__fish_padlock_using_subcommand help; and not __fish_seen_subcommand_from login logout status doctor apps envs packages transport env backups permissions team node 2fa grant can-i ops audit admin server completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from apps" -f -a "list" -d 'Apps you belong to (support: all apps)'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from envs" -f -a "list" -d 'Environments of an app; 🔒 marks padlocked ones'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from packages" -f -a "list" -d 'Packages of an app and where they run'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from packages" -f -a "upload" -d 'Upload a deployment package (an MDA file or any artifact)'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from env" -f -a "list" -d 'Environments of the app (the same as padlock envs --app APP)'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from env" -f -a "start" -d 'Start an environment'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from env" -f -a "stop" -d 'Stop an environment'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from env" -f -a "restart" -d 'Restart an environment'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from backups" -f -a "list" -d 'Backups of an environment'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from backups" -f -a "create" -d 'Create a backup (runs the backup hook)'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from backups" -f -a "download" -d 'Download a backup (the latest without an id)'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from backups" -f -a "restore" -d 'Restore a backup over the environment\'s data (the latest without an id)'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from permissions" -f -a "list" -d 'Who may do what on the app\'s environments'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from permissions" -f -a "grant" -d 'Give a member permissions (padlocked on padlocked environments)'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from permissions" -f -a "revoke" -d 'Take permissions away (padlocked on padlocked environments)'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from team" -f -a "list" -d 'Who is on the app\'s team, with which role'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from team" -f -a "add" -d 'Put a user on the team, or change their role (padlocked for deploy on apps with a padlocked environment)'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from team" -f -a "remove" -d 'Take a user off the team, with their node permissions and CI grants for the app (padlocked on apps with a padlocked environment)'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from node" -f -a "show" -d 'What runs where, with package identities'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from 2fa" -f -a "setup" -d 'Set up your second factor (once; only support can reset it)'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from 2fa" -f -a "confirm" -d 'Activate a pending setup with its first code (--otp, --otp-command or a prompt)'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from 2fa" -f -a "status" -d 'Your second factor and the grant in force'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from 2fa" -f -a "verify" -d 'Check a code now and keep the eight-hour grant it yields'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from grant" -f -a "issue" -d 'Issue a CI grant (padlocked); the token is printed once'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from grant" -f -a "list" -d 'Your CI grants (support: everyone\'s); never the tokens'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from grant" -f -a "revoke" -d 'Revoke a CI grant; its next use is refused'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from ops" -f -a "list" -d 'Recent operations you may view, newest first'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from ops" -f -a "show" -d 'An operation\'s state and log'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from ops" -f -a "follow" -d 'Follow an operation until it ends, printing its log'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from admin" -f -a "users" -d 'Accounts'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from admin" -f -a "apps" -d 'Apps'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from admin" -f -a "reset-2fa" -d 'Reset a user\'s second factor and revoke all their grants (padlocked)'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from server" -f -a "rotate-master-key" -d 'Re-seal every TOTP secret and re-key pending SMS codes under a new master key, in one transaction; stop every server on the database first'
complete -c padlock -n "__fish_padlock_using_subcommand help; and __fish_seen_subcommand_from server" -f -a "add-support-account" -d 'Create a support account from the server\'s host: how a production server gets its first one (support creates the others). Prints a generated password once'
