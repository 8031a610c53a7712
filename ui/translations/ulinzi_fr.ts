<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name></name>
    <message>
        <source>errors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseFileWidget</name>
    <message numerus="yes">
        <source>about %n year(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Risk: {level}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk: not assessed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: {action}, due {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} (estimated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lives in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place of registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identified or referred by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current care arrangement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protection concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immediate priorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent of the caregiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assent of the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sharing information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receiving services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given for: {purposes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseListWidget</name>
    <message>
        <source>Search by name, case number or place – just type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My team&apos;s cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case matches. Check the spelling, or clear the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cases yet. Register a child with “New case”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 case shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} cases shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{action} – overdue since {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{action} by {date}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Choose your own password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your administrator gave you a temporary password. Choose your own now: at least 10 characters; a short sentence is easy to remember and hard to guess.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Temporary password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentBox</name>
    <message>
        <source>to the interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to sharing information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to receiving services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How was it given?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the caregiver</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginWidget</name>
    <message>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ulinzi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to open the case files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The screen was locked to protect the children&apos;s information. {name} can unlock it, or another person can sign in here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO store with made-up children. Accounts: admin, manager, grace, joseph (supervisors), amina, baraka, chipo, daniel, esther, faith, gabriel, halima (caseworkers). Password for all: {password}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your username and your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed attempts. You can try again in {seconds} seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in: {name} ({roles})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO – </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Ulinzi?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A registration is still open. It will be kept as a draft. Quit?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New case: register a child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth not known: estimate the age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Village or area, district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Given name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;x *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lives in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name and contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place of &amp;registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identified or &amp;referred by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who (name, contact)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was seen or told, by whom, when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What must happen now to keep the child safe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current &amp;care arrangement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protection concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the &amp;concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Immediate priorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent of the caregiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assent of the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Register the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child&apos;s given name is needed (a nickname will do for now).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the child&apos;s sex (“Not known” is a choice).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continuing the registration started earlier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfinished registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You started registering a child on {when} and did not finish. Continue it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the registration?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep what you typed as a draft to finish later?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Something went wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no Ulinzi store in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder} already holds files; choose an empty folder for a new store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store is already open on this computer by {owner} (program {pid}, since {since}). Close Ulinzi there first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The username or password is not correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This recovery key does not open this store. Check each group against the paper copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group {group} of the recovery key looks mistyped: check it against the paper copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed attempts. Wait {seconds} seconds before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s database is damaged ({detail}). The password was right: do not keep trying. Ask an administrator to restore the latest backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is older than the last change this store recorded (audit event {expected}, the database ends at {found}). It may have been replaced by an older copy; changes may be missing. Ask an administrator to run `ulinzi check`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s key file is damaged or not an Ulinzi key file: {detail}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full: the change was not saved and nothing else was changed. Free some space on the disk and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You do not have permission to {action}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must have at least {minimum} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s record of its last change ({file}) is missing or damaged, so an older copy of the database could not be told apart. Ask an administrator to run `ulinzi check`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store is locked. Sign in again to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recovery key has {groups} groups of {size} letters and digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles are: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user needs at least one role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agency code has 2 to 10 letters or digits, e.g. KGL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agency needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no active account named {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no account named {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The username {name} is already taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current password is not correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set other people&apos;s passwords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account {name} has been removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot remove your own account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store must keep at least one administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reactivate users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account {name} is already active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assign supervisors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not a supervisor who can take this team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re-key the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>make a new recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change the agency settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The screen locks after 1 to 120 idle minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every deadline must be at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The logo file is too large (at most 512 KB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} must be one of: {allowed}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>register cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child&apos;s given name is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no active caseworker named {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assign cases to that caseworker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These details cannot be changed here: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard input ended before: {prompt}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accept the database as current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ulinzi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong. Nothing typed has been lost. Details are in {log}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Implementation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up and review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closure requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closure approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post-closure visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With both parents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With one parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With relatives (kinship care)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foster family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residential care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child-headed household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alone or on the street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neglect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physical abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sexual abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emotional abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exploitation or child labour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separated or unaccompanied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child marriage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Violence at home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child (self-referral)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verbal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thumbprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viewed the case file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed the case details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Was refused access to the case file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Was refused a change to the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too short: at least 10 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
