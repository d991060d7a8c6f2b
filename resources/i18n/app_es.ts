<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
    <context>
        <name>app</name>
        <message>
            <location filename="../../app/admin.py" line="39" />
            <source>Database {where} is at revision {rev}{note}.</source>
            <translation>La base de datos {where} está en la revisión {rev}{note}.</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="41" />
            <source> (was {rev})</source>
            <translation> (antes {rev})</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="52" />
            <source>{where}: empty (no schema); run `python main.py db upgrade`</source>
            <translation>{where}: vacía (sin esquema); ejecute `python main.py db upgrade`</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="54" />
            <source> (this version needs {head}: run `db upgrade`)</source>
            <translation> (esta versión necesita {head}: ejecute `db upgrade`)</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="70" />
            <location filename="../../app/admin.py" line="95" />
            <source>{where} does not exist.</source>
            <translation>{where} no existe.</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="79" />
            <source>Chain OK: {n} records</source>
            <translation>Cadena correcta: {n} registros</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="81" />
            <source>Chain BROKEN after {n} good records. {problem}</source>
            <translation>Cadena ROTA tras {n} registros correctos. {problem}</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="103" />
            <source>Stock OK: {levels} stock levels equal the sum of {moves} moves.</source>
            <translation>Existencias correctas: {levels} saldos de existencias coinciden con la suma de {moves} movimientos.</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="107" />
            <source>{sku} in {warehouse}: on hand {lq}, moves sum {mq}; value {lv}, moves value {mv}</source>
            <translation>{sku} en {warehouse}: existencias {lq}, suma de movimientos {mq}; valor {lv}, valor de los movimientos {mv}</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="110" />
            <source>; marked {marked} for reorder, should be {should}</source>
            <translation>; reposición marcada como {marked}, debería ser {should}</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="111" />
            <location filename="../../app/admin.py" line="111" />
            <source>due</source>
            <translation>necesaria</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="111" />
            <location filename="../../app/admin.py" line="111" />
            <source>not due</source>
            <translation>no necesaria</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="112" />
            <source>Stock WRONG: {n} of {levels} stock levels differ from their moves.</source>
            <translation>Existencias INCORRECTAS: {n} de {levels} saldos de existencias no coinciden con sus movimientos.</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="146" />
            <source>Demo data written to {where} in {s} s:</source>
            <translation>Datos de demostración escritos en {where} en {s} s:</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="150" />
            <source>Database size: {mib} MiB</source>
            <translation>Tamaño de la base de datos: {mib} MiB</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="163" />
            <location filename="../../app/admin.py" line="46" />
            <source>{where} does not exist; create it with `python main.py db upgrade --db {where}`</source>
            <translation>{where} no existe; créela con `python main.py db upgrade --db {where}`</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="177" />
            <source>{text!r} is not a date: write DD/MM/YYYY or YYYY-MM-DD.</source>
            <translation>{text!r} no es una fecha: escriba DD/MM/AAAA o AAAA-MM-DD.</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="211" />
            <source>No invoice series with code {code!r}.</source>
            <translation>No hay ninguna serie de facturación con el código {code!r}.</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="252" />
            <location filename="../../app/admin.py" line="293" />
            <location filename="../../app/db/profiles.py" line="93" />
            <location filename="../../app/services/personal_data.py" line="176" />
            <source>Cannot write {path}: {reason}</source>
            <translation>No se puede escribir {path}: {reason}</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="262" />
            <source>Give an invoice NUMBER, or --from DATE --to DATE, not both.</source>
            <translation>Indique un número de factura (NUMBER) o --from DATE --to DATE, pero no ambos.</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="264" />
            <source>A batch needs both --from and --to.</source>
            <translation>Un lote necesita --from y --to.</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="272" />
            <source>Invoice {number} written to {path}.</source>
            <translation>Factura {number} escrita en {path}.</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="277" />
            <source>No posted invoices issued from {first} to {last}.</source>
            <translation>No hay facturas emitidas con fecha de expedición entre {first} y {last}.</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="285" />
            <source>invoices</source>
            <translation>facturas</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="294" />
            <source>{count} invoices written to {path} in {s} s.</source>
            <translation>{count} facturas escritas en {path} en {s} s.</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="314" />
            <source>{ref:&lt;12} {start:%d/%m/%Y}-{end:%d/%m/%Y}  {state:&lt;6} {total:&gt;12}  {customer}</source>
            <translation>{ref:&lt;12} {start:%d/%m/%Y}-{end:%d/%m/%Y}  {state:&lt;6} {total:&gt;12}  {customer}</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="315" />
            <location filename="../../app/services/invoices.py" line="141" />
            <source>posted</source>
            <translation>emitida</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="315" />
            <source>draft</source>
            <translation>borrador</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="319" />
            <source> (billed by a draft; the next run posts it)</source>
            <translation> (facturado con un borrador; la próxima ejecución lo emite)</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="320" />
            <source>FAILED {ref} {period}: {field}: {message}{kept}</source>
            <translation>ERROR {ref} {period}: {field}: {message}{kept}</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="323" />
            <source>{n} periods billed, {skipped} already billed, {drafts} earlier drafts posted, {failed} failures in {s} s.</source>
            <translation>{n} periodos facturados, {skipped} ya facturados, {drafts} borradores anteriores emitidos, {failed} fallos en {s} s.</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="343" />
            <source>renewed {n}x</source>
            <translation>renovado {n} veces</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="344" />
            <source> then {status}</source>
            <translation> y después {status}</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="348" />
            <source>{n} contracts brought up to date in {s} s.</source>
            <translation>{n} contratos puestos al día en {s} s.</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="361" />
            <source>Say where to write the data: --json FILE.json, --pdf FILE.pdf or both.</source>
            <translation>Indique dónde escribir los datos: --json FILE.json, --pdf FILE.pdf o ambos.</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="370" />
            <source>Personal data of {code} written to {path}.</source>
            <translation>Datos personales de {code} escritos en {path}.</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="392" />
            <source>Profile {name} added: {where}, TLS {mode}. Use it with --profile {quoted}.</source>
            <translation>Perfil {name} añadido: {where}, TLS {mode}. Úselo con --profile {quoted}.</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="398" />
            <source>TLS {mode}</source>
            <translation>TLS {mode}</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="404" />
            <source>Profile {name} removed, with its remembered password if there was one.</source>
            <translation>Perfil {name} eliminado, junto con su contraseña recordada si la había.</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="424" />
            <source>Say which server: --db postgresql+psycopg://USER@HOST:PORT/DATABASE</source>
            <translation>Indique el servidor: --db postgresql+psycopg://USER@HOST:PORT/DATABASE</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="430" />
            <source>--password-stdin read an empty line: no password was given.</source>
            <translation>--password-stdin ha leído una línea vacía: no se ha dado ninguna contraseña.</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="437" />
            <source>The server at {where} refused: {detail}</source>
            <translation>El servidor {where} lo ha rechazado: {detail}</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="452" />
            <source>Server {where} ready: schema at revision {rev}, group roles {groups}, grants and row-level security on {n} tables.</source>
            <translation>Servidor {where} listo: esquema en la revisión {rev}, roles de grupo {groups}, permisos y seguridad a nivel de fila en {n} tablas.</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="456" />
            <source>Tables the privilege matrix does not know (only admins may use them): {names}</source>
            <translation>Tablas que la matriz de privilegios no conoce (solo los administradores pueden usarlas): {names}</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="461" />
            <source>User {name} added as {role}{pw}.</source>
            <translation>Usuario {name} añadido como {role}{pw}.</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="462" />
            <source> with a password</source>
            <translation> con contraseña</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="462" />
            <source> (no password set)</source>
            <translation> (sin contraseña)</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="466" />
            <source>User {name} is now {role}.</source>
            <translation>El usuario {name} ahora es {role}.</translation>
        </message>
        <message>
            <location filename="../../app/admin.py" line="470" />
            <source>User {name} removed.</source>
            <translation>Usuario {name} eliminado.</translation>
        </message>
        <message>
            <location filename="../../app/admin_backup.py" line="16" />
            <source>Backed up {source} to {target} (schema revision {revision}).</source>
            <translation>Copia de seguridad de {source} guardada en {target} (revisión del esquema {revision}).</translation>
        </message>
        <message>
            <location filename="../../app/admin_backup.py" line="31" />
            <source>restore replaces {live}; there is no terminal to ask in, so add --yes to confirm.</source>
            <translation>restore sustituye {live}; no hay ningún terminal en el que preguntar, así que añada --yes para confirmar.</translation>
        </message>
        <message>
            <location filename="../../app/admin_backup.py" line="33" />
            <source>Replace {live} with the backup {file} (schema revision {revision})? The current database is kept as {name}.&lt;time&gt;.before-restore. [y/N] </source>
            <translation>¿Sustituir {live} por la copia de seguridad {file} (revisión del esquema {revision})? La base de datos actual se conserva como {name}.&lt;hora&gt;.before-restore. [s/N] </translation>
        </message>
        <message>
            <location filename="../../app/admin_backup.py" line="37" />
            <source>Nothing restored.</source>
            <translation>No se ha restaurado nada.</translation>
        </message>
        <message>
            <location filename="../../app/admin_backup.py" line="41" />
            <source>The database it replaced is kept as {kept}.</source>
            <translation>La base de datos sustituida se conserva como {kept}.</translation>
        </message>
        <message>
            <location filename="../../app/admin_backup.py" line="42" />
            <source> (an older schema: Trastienda upgrades it when it next opens it)</source>
            <translation> (un esquema anterior: Trastienda lo actualizará la próxima vez que lo abra)</translation>
        </message>
        <message>
            <location filename="../../app/admin_backup.py" line="43" />
            <source>Restored {file} into {live}, schema revision {revision}{note}.</source>
            <translation>Restaurado {file} en {live}, revisión del esquema {revision}{note}.</translation>
        </message>
        <message>
            <location filename="../../app/admin_offline.py" line="22" />
            <source>There is no offline copy of {name} on this computer yet: run `python main.py --profile {quoted} sync` once while the server is reachable.</source>
            <translation>Todavía no hay ninguna copia sin conexión de {name} en este equipo: ejecute `python main.py --profile {quoted} sync` una vez mientras el servidor esté accesible.</translation>
        </message>
        <message>
            <location filename="../../app/admin_offline.py" line="54" />
            <source>To replace the copy: `python main.py --profile {quoted} sync --fresh --export FILE` (the old one is kept).</source>
            <translation>Para sustituir la copia: `python main.py --profile {quoted} sync --fresh --export FILE` (la antigua se conserva).</translation>
        </message>
        <message>
            <location filename="../../app/admin_offline.py" line="61" />
            <source>{name} is this computer's own database: it has no offline copy to sync.</source>
            <translation>{name} es la base de datos propia de este equipo: no tiene copia sin conexión que sincronizar.</translation>
        </message>
        <message>
            <location filename="../../app/admin_offline.py" line="72" />
            <source>Nothing can be read from the offline copy {path} ({reason}): no export was written, and the file is left as it is.</source>
            <translation>No se puede leer nada de la copia sin conexión {path} ({reason}): no se ha escrito ninguna exportación y el archivo se deja como está.</translation>
        </message>
        <message>
            <location filename="../../app/admin_offline.py" line="78" />
            <source>Saved to {file}: {changes} unsynced changes and {conflicts} open conflicts of the offline copy {path}.</source>
            <translation>Guardados en {file}: {changes} cambios sin sincronizar y {conflicts} conflictos abiertos de la copia sin conexión {path}.</translation>
        </message>
        <message>
            <location filename="../../app/admin_offline.py" line="81" />
            <source>Part of the copy could not be read, so the file may miss some: {problems}</source>
            <translation>No se ha podido leer parte de la copia, así que al archivo le puede faltar algo: {problems}</translation>
        </message>
        <message>
            <location filename="../../app/admin_offline.py" line="104" />
            <source>Fresh offline copy made: {rows} rows.</source>
            <translation>Nueva copia sin conexión creada: {rows} filas.</translation>
        </message>
        <message>
            <location filename="../../app/admin_offline.py" line="106" />
            <source>The old copy is kept as {kept}.</source>
            <translation>La copia antigua se conserva como {kept}.</translation>
        </message>
        <message>
            <location filename="../../app/admin_offline.py" line="119" />
            <source>The offline copy {path} is damaged: its unsynced changes cannot all be read.</source>
            <translation>La copia sin conexión {path} está dañada: no se pueden leer todos sus cambios sin sincronizar.</translation>
        </message>
        <message>
            <location filename="../../app/admin_offline.py" line="127" />
            <source>Offline copy made: {rows} rows.</source>
            <translation>Copia sin conexión creada: {rows} filas.</translation>
        </message>
        <message>
            <location filename="../../app/admin_offline.py" line="129" />
            <source>Synced: {pushed} changes sent ({skipped} already there), {pulled} rows brought up to date.</source>
            <translation>Sincronizado: {pushed} cambios enviados ({skipped} ya estaban), {pulled} filas actualizadas.</translation>
        </message>
        <message>
            <location filename="../../app/admin_offline.py" line="132" />
            <source>Posted at sync (drafts posted offline): {numbers}.</source>
            <translation>Emitidas al sincronizar (borradores emitidos sin conexión): {numbers}.</translation>
        </message>
        <message>
            <location filename="../../app/admin_offline.py" line="134" />
            <source>  Kept for you to decide: {table} {row} {field}: {reason}</source>
            <translation>  Pendiente de su decisión: {table} {row} {field}: {reason}</translation>
        </message>
        <message>
            <location filename="../../app/admin_offline.py" line="153" />
            <source>{n}	{label}	{login}	series: {codes}</source>
            <translation>{n}	{label}	{login}	series: {codes}</translation>
        </message>
        <message>
            <location filename="../../app/admin_offline.py" line="156" />
            <source>No computer keeps an offline copy of this database yet.</source>
            <translation>Ningún equipo tiene todavía una copia sin conexión de esta base de datos.</translation>
        </message>
        <message>
            <location filename="../../app/admin_offline.py" line="162" />
            <source>Series {code} is kept for workstation {n}: only it numbers the series, offline.</source>
            <translation>La serie {code} queda reservada para el puesto {n}: solo ese puesto la numera, sin conexión.</translation>
        </message>
        <message>
            <location filename="../../app/admin_offline.py" line="165" />
            <source>Series {code} is numbered by the server again.</source>
            <translation>La serie {code} vuelve a numerarla el servidor.</translation>
        </message>
        <message>
            <location filename="../../app/admin_offline.py" line="175" />
            <source>Typed on the offline copy: {c} customers, {i} invoices ({n} numbered here, {q} to be posted at the next sync). Run `sync` to send them.</source>
            <translation>Introducido en la copia sin conexión: {c} clientes, {i} facturas ({n} numeradas aquí, {q} por emitir en la próxima sincronización). Ejecute `sync` para enviarlos.</translation>
        </message>
        <message>
            <location filename="../../app/admin_offline.py" line="179" />
            <source>  Not posted: {why}</source>
            <translation>  No emitida: {why}</translation>
        </message>
        <message>
            <location filename="../../app/admin_reports.py" line="32" />
            <source>Say the format with --format pdf|csv|xlsx, or end the file name with .pdf, .csv or .xlsx.</source>
            <translation>Indique el formato con --format pdf|csv|xlsx, o termine el nombre del archivo en .pdf, .csv o .xlsx.</translation>
        </message>
        <message>
            <location filename="../../app/admin_reports.py" line="49" />
            <source>Name a report; `main.py report --list` lists them.</source>
            <translation>Indique un informe; `main.py report --list` los muestra.</translation>
        </message>
        <message>
            <location filename="../../app/admin_reports.py" line="52" />
            <source>Unknown report {name}; `main.py report --list` lists them.</source>
            <translation>Informe desconocido {name}; `main.py report --list` los muestra.</translation>
        </message>
        <message>
            <location filename="../../app/admin_reports.py" line="56" />
            <source>Name the file to write with -o FILE.</source>
            <translation>Indique el archivo que se escribirá con -o FILE.</translation>
        </message>
        <message>
            <location filename="../../app/admin_reports.py" line="61" />
            <source>trastienda: note: {name} is as of one date (--to); --from is not used.</source>
            <translation>trastienda: nota: {name} se calcula a una sola fecha (--to); --from no se tiene en cuenta.</translation>
        </message>
        <message>
            <location filename="../../app/admin_reports.py" line="78" />
            <source>{title}, {period}: {n} rows written to {path}</source>
            <translation>{title}, {period}: {n} filas escritas en {path}</translation>
        </message>
        <message>
            <location filename="../../app/compliance/identifiers.py" line="26" />
            <source>Not a valid Spanish NIF, NIE or CIF: check its letters and digits.</source>
            <translation>No es un NIF, NIE o CIF español válido: revise sus letras y dígitos.</translation>
        </message>
        <message>
            <location filename="../../app/compliance/identifiers.py" line="34" />
            <source>A person needs a DNI or NIE, not a company CIF.</source>
            <translation>Una persona necesita un DNI o NIE, no un CIF de empresa.</translation>
        </message>
        <message>
            <location filename="../../app/compliance/identifiers.py" line="48" />
            <source>Not a valid EU VAT number: check the country prefix and digits.</source>
            <translation>No es un NIF-IVA de la UE válido: revise el prefijo del país y los dígitos.</translation>
        </message>
        <message>
            <location filename="../../app/compliance/identifiers.py" line="52" />
            <source>A tax id may only hold letters and digits.</source>
            <translation>Un identificador fiscal solo puede contener letras y dígitos.</translation>
        </message>
        <message>
            <location filename="../../app/compliance/identifiers.py" line="54" />
            <source>An EU VAT number starts with its country code, e.g. FR40303265045.</source>
            <translation>Un NIF-IVA de la UE empieza por el código de su país, p. ej. FR40303265045.</translation>
        </message>
        <message>
            <location filename="../../app/compliance/identifiers.py" line="61" />
            <source>Not a valid IBAN: check the country code and the control digits.</source>
            <translation>No es un IBAN válido: revise el código del país y los dígitos de control.</translation>
        </message>
        <message>
            <location filename="../../app/compliance/identifiers.py" line="68" />
            <source>Not a valid EAN-13 barcode: the check digit does not match.</source>
            <translation>No es un código de barras EAN-13 válido: el dígito de control no coincide.</translation>
        </message>
        <message>
            <location filename="../../app/compliance/identifiers.py" line="70" />
            <location filename="../../app/documents/barcode_labels.py" line="336" />
            <source>An EAN-13 barcode has 13 digits.</source>
            <translation>Un código de barras EAN-13 tiene 13 dígitos.</translation>
        </message>
        <message>
            <location filename="../../app/compliance/identifiers.py" line="88" />
            <source>A social security number has 12 digits (province, number, control).</source>
            <translation>Un número de la Seguridad Social tiene 12 dígitos (provincia, número, control).</translation>
        </message>
        <message>
            <location filename="../../app/compliance/identifiers.py" line="91" />
            <source>Not a valid social security number: the control digits do not match.</source>
            <translation>No es un número de la Seguridad Social válido: los dígitos de control no coinciden.</translation>
        </message>
        <message>
            <location filename="../../app/db/backup.py" line="77" />
            <source>A shared PostgreSQL server is backed up by its administrator (pg_dump), not by Trastienda.</source>
            <translation>Las copias de seguridad de un servidor PostgreSQL compartido las hace su administrador (pg_dump), no Trastienda.</translation>
        </message>
        <message>
            <location filename="../../app/db/backup.py" line="80" />
            <source>An in-memory database has no file to back up.</source>
            <translation>Una base de datos en memoria no tiene archivo del que hacer copia de seguridad.</translation>
        </message>
        <message>
            <location filename="../../app/db/backup.py" line="94" />
            <source>{file}: there is no such file.</source>
            <translation>{file}: no existe ese archivo.</translation>
        </message>
        <message>
            <location filename="../../app/db/backup.py" line="98" />
            <source>{file} is not a SQLite database, so not a Trastienda backup.</source>
            <translation>{file} no es una base de datos SQLite, así que no es una copia de seguridad de Trastienda.</translation>
        </message>
        <message>
            <location filename="../../app/db/backup.py" line="102" />
            <source>{file} cannot be opened: {why}.</source>
            <translation>No se puede abrir {file}: {why}.</translation>
        </message>
        <message>
            <location filename="../../app/db/backup.py" line="111" />
            <location filename="../../app/db/backup.py" line="108" />
            <source>{file} is damaged ({why}); it cannot be restored.</source>
            <translation>{file} está dañado ({why}); no se puede restaurar.</translation>
        </message>
        <message>
            <location filename="../../app/db/backup.py" line="115" />
            <source>{file} is a SQLite database but not a Trastienda one (it has no {tables} table).</source>
            <translation>{file} es una base de datos SQLite pero no de Trastienda (no tiene la tabla {tables}).</translation>
        </message>
        <message>
            <location filename="../../app/db/backup.py" line="118" />
            <source>{file} is a shared server's offline copy, not a database of this computer.</source>
            <translation>{file} es la copia sin conexión de un servidor compartido, no una base de datos de este equipo.</translation>
        </message>
        <message>
            <location filename="../../app/db/backup.py" line="124" />
            <source>{file} has no schema revision; it is not a Trastienda database.</source>
            <translation>{file} no tiene revisión de esquema; no es una base de datos de Trastienda.</translation>
        </message>
        <message>
            <location filename="../../app/db/backup.py" line="127" />
            <source>{file} was written by a newer Trastienda (schema revision {revision}); install that version to restore it.</source>
            <translation>{file} se escribió con una versión más reciente de Trastienda (revisión del esquema {revision}); instale esa versión para restaurarlo.</translation>
        </message>
        <message>
            <location filename="../../app/db/backup.py" line="144" />
            <source>{file}: there is no database to back up.</source>
            <translation>{file}: no hay ninguna base de datos de la que hacer copia de seguridad.</translation>
        </message>
        <message>
            <location filename="../../app/db/backup.py" line="146" />
            <source>{file} is the database itself; choose another file for the backup.</source>
            <translation>{file} es la propia base de datos; elija otro archivo para la copia de seguridad.</translation>
        </message>
        <message>
            <location filename="../../app/db/backup.py" line="148" />
            <source>{folder}: there is no such folder.</source>
            <translation>{folder}: no existe esa carpeta.</translation>
        </message>
        <message>
            <location filename="../../app/db/backup.py" line="169" />
            <source>Cannot back up {file}: {why}.</source>
            <translation>No se puede hacer copia de seguridad de {file}: {why}.</translation>
        </message>
        <message>
            <location filename="../../app/db/backup.py" line="171" />
            <source>Cannot write {file}: {why}.</source>
            <translation>No se puede escribir {file}: {why}.</translation>
        </message>
        <message>
            <location filename="../../app/db/backup.py" line="190" />
            <source>{file} is the database itself.</source>
            <translation>{file} es la propia base de datos.</translation>
        </message>
        <message>
            <location filename="../../app/db/backup.py" line="208" />
            <source>Cannot restore into {file}: {why}.</source>
            <translation>No se puede restaurar en {file}: {why}.</translation>
        </message>
        <message>
            <location filename="../../app/db/backup.py" line="226" />
            <source>{file} is a shared server's offline copy; restore only this computer's database.</source>
            <translation>{file} es la copia sin conexión de un servidor compartido; restaure solo la base de datos de este equipo.</translation>
        </message>
        <message>
            <location filename="../../app/db/backup.py" line="229" />
            <source>{file} is in use by another program (another Trastienda?); close it and try again.</source>
            <translation>{file} lo está usando otro programa (¿otro Trastienda?); ciérrelo e inténtelo de nuevo.</translation>
        </message>
        <message>
            <location filename="../../app/db/credentials.py" line="122" />
            <source>The server asks {user}'s password for profile {name}, and there is none to give: log in once from the app with "Remember me", set PGPASSWORD, or run the command in a terminal to type it.</source>
            <translation>El servidor pide la contraseña de {user} para el perfil {name} y no hay ninguna que darle: inicie sesión una vez desde la aplicación con "Recordarme", defina PGPASSWORD o ejecute la orden en un terminal para escribirla.</translation>
        </message>
        <message>
            <location filename="../../app/db/credentials.py" line="126" />
            <source>Password for {user} on {name}: </source>
            <translation>Contraseña de {user} en {name}: </translation>
        </message>
        <message>
            <location filename="../../app/db/credentials.py" line="144" />
            <source>Type your user name.</source>
            <translation>Escriba su nombre de usuario.</translation>
        </message>
        <message>
            <location filename="../../app/db/engine.py" line="52" />
            <source>Not a valid database URL: {url}</source>
            <translation>No es una URL de base de datos válida: {url}</translation>
        </message>
        <message>
            <location filename="../../app/db/engine.py" line="110" />
            <source>Unsupported database {backend}: use a SQLite file or a postgresql+psycopg:// URL.</source>
            <translation>Base de datos no admitida {backend}: use un archivo SQLite o una URL postgresql+psycopg://.</translation>
        </message>
        <message>
            <location filename="../../app/db/engine.py" line="139" />
            <source>{where} is not a Trastienda database (not a SQLite file). Choose another file with --db.</source>
            <translation>{where} no es una base de datos de Trastienda (no es un archivo SQLite). Elija otro archivo con --db.</translation>
        </message>
        <message>
            <location filename="../../app/db/engine.py" line="143" />
            <source>Cannot open {where}: check that the folder exists and you may write to it.</source>
            <translation>No se puede abrir {where}: compruebe que la carpeta existe y que tiene permiso de escritura en ella.</translation>
        </message>
        <message>
            <location filename="../../app/db/engine.py" line="145" />
            <source>Cannot use {where}: {msg}</source>
            <translation>No se puede usar {where}: {msg}</translation>
        </message>
        <message>
            <location filename="../../app/db/engine.py" line="151" />
            <source>The server at {where} asks for a password and none was given.</source>
            <translation>El servidor {where} pide una contraseña y no se ha dado ninguna.</translation>
        </message>
        <message>
            <location filename="../../app/db/engine.py" line="155" />
            <source>The server at {where} refused the user name or password. Check them and try again.</source>
            <translation>El servidor {where} ha rechazado el usuario o la contraseña. Compruébelos e inténtelo de nuevo.</translation>
        </message>
        <message>
            <location filename="../../app/db/engine.py" line="159" />
            <source>The database {name} does not exist on the server. Create it with `python main.py db upgrade --db URL`.</source>
            <translation>La base de datos {name} no existe en el servidor. Créela con `python main.py db upgrade --db URL`.</translation>
        </message>
        <message>
            <location filename="../../app/db/engine.py" line="165" />
            <source>The server at {where} does not let this user connect to that database: ask its admin.</source>
            <translation>El servidor {where} no permite a este usuario conectarse a esa base de datos: consulte a su administrador.</translation>
        </message>
        <message>
            <location filename="../../app/db/engine.py" line="169" />
            <source>The server name {host} is unknown: check the address (is the network up?).</source>
            <translation>No se conoce el nombre de servidor {host}: compruebe la dirección (¿funciona la red?).</translation>
        </message>
        <message>
            <location filename="../../app/db/engine.py" line="172" />
            <source>The connection to the server at {where} was lost while saving: the change may or may not have been saved. When the server is back, look the record up before entering it again.</source>
            <translation>Se ha perdido la conexión con el servidor {where} mientras se guardaba: puede que el cambio se haya guardado o no. Cuando el servidor vuelva a estar disponible, busque el registro antes de volver a introducirlo.</translation>
        </message>
        <message>
            <location filename="../../app/db/engine.py" line="176" />
            <source>The server at {where} stopped answering while saving: the change may or may not have been saved. When the server is back, look the record up before entering it again.</source>
            <translation>El servidor {where} ha dejado de responder mientras se guardaba: puede que el cambio se haya guardado o no. Cuando el servidor vuelva a estar disponible, busque el registro antes de volver a introducirlo.</translation>
        </message>
        <message>
            <location filename="../../app/db/engine.py" line="180" />
            <source>The server at {where} stopped answering; what was not finished was not saved. Try again in a moment, or ask its admin whether it is running.</source>
            <translation>El servidor {where} ha dejado de responder; lo que no había terminado no se ha guardado. Inténtelo de nuevo en un momento o pregunte a su administrador si está en marcha.</translation>
        </message>
        <message>
            <location filename="../../app/db/engine.py" line="184" />
            <source>The server at {where} did not answer in time; try again, or ask its admin whether it is busy.</source>
            <translation>El servidor {where} no ha respondido a tiempo; inténtelo de nuevo o pregunte a su administrador si está saturado.</translation>
        </message>
        <message>
            <location filename="../../app/db/engine.py" line="189" />
            <source>The connection to the server at {where} was lost; what was not finished was not saved. Try again when the server is back.</source>
            <translation>Se ha perdido la conexión con el servidor {where}; lo que no había terminado no se ha guardado. Inténtelo de nuevo cuando el servidor vuelva a estar disponible.</translation>
        </message>
        <message>
            <location filename="../../app/db/engine.py" line="195" />
            <source>The server at {where} is not answering; nothing was saved. Try again in a moment, or ask its admin whether it is running.</source>
            <translation>El servidor {where} no responde; no se ha guardado nada. Inténtelo de nuevo en un momento o pregunte a su administrador si está en marcha.</translation>
        </message>
        <message>
            <location filename="../../app/db/engine.py" line="198" />
            <source>Cannot reach the database server at {where}: is it running and is the address right?</source>
            <translation>No se puede conectar con el servidor de base de datos {where}: ¿está en marcha y la dirección es correcta?</translation>
        </message>
        <message>
            <location filename="../../app/db/engine.py" line="200" />
            <source>Cannot use the database {where}: {msg}</source>
            <translation>No se puede usar la base de datos {where}: {msg}</translation>
        </message>
        <message>
            <location filename="../../app/db/engine.py" line="205" />
            <source>(none given)</source>
            <translation>(no indicado)</translation>
        </message>
        <message>
            <location filename="../../app/db/engine.py" line="208" />
            <source>The server at {where} does not offer encrypted (TLS) connections, but this connection requires them. Ask its admin to turn TLS on, or lower the TLS mode to prefer.</source>
            <translation>El servidor {where} no ofrece conexiones cifradas (TLS), pero esta conexión las exige. Pida a su administrador que active TLS o baje el modo TLS a prefer.</translation>
        </message>
        <message>
            <location filename="../../app/db/engine.py" line="212" />
            <source>The CA certificate file {ca} cannot be read: give the file that signed the server's certificate (sslrootcert).</source>
            <translation>No se puede leer el archivo de certificado de CA {ca}: indique el archivo que firmó el certificado del servidor (sslrootcert).</translation>
        </message>
        <message>
            <location filename="../../app/db/engine.py" line="216" />
            <source>The server's certificate is not made out to {host}: connect with the name on the certificate, or use TLS mode verify-ca.</source>
            <translation>El certificado del servidor no está emitido a nombre de {host}: conéctese con el nombre que figura en el certificado o use el modo TLS verify-ca.</translation>
        </message>
        <message>
            <location filename="../../app/db/engine.py" line="222" />
            <source>The server's certificate could not be verified with the CA file {ca}: check that the profile has the CA certificate that signed the server's certificate, and that the certificate has not expired.</source>
            <translation>No se ha podido verificar el certificado del servidor con el archivo de CA {ca}: compruebe que el perfil tiene el certificado de CA que firmó el certificado del servidor y que este no ha caducado.</translation>
        </message>
        <message>
            <location filename="../../app/db/engine.py" line="227" />
            <source>The server at {where} accepts only encrypted connections: set the TLS mode to require or higher.</source>
            <translation>El servidor {where} solo acepta conexiones cifradas: ponga el modo TLS en require o superior.</translation>
        </message>
        <message>
            <location filename="../../app/db/engine.py" line="231" />
            <source>The encrypted (TLS) connection to {where} failed: {msg}</source>
            <translation>Ha fallado la conexión cifrada (TLS) con {where}: {msg}</translation>
        </message>
        <message>
            <location filename="../../app/db/migrate.py" line="94" />
            <source>The database {name} does not exist and you may not create it: ask the server's admin. ({msg})</source>
            <translation>La base de datos {name} no existe y usted no tiene permiso para crearla: consulte al administrador del servidor. ({msg})</translation>
        </message>
        <message>
            <location filename="../../app/db/migrate.py" line="186" />
            <source>The server was upgraded by a newer Trastienda (revision {current}). Install the new version.</source>
            <translation>El servidor se actualizó con una versión más reciente de Trastienda (revisión {current}). Instale la nueva versión.</translation>
        </message>
        <message>
            <location filename="../../app/db/migrate.py" line="189" />
            <source>This database was upgraded by a newer Trastienda (revision {current}). Install the new version.</source>
            <translation>Esta base de datos se actualizó con una versión más reciente de Trastienda (revisión {current}). Instale la nueva versión.</translation>
        </message>
        <message>
            <location filename="../../app/db/migrate.py" line="194" />
            <source>The server's database has no Trastienda schema yet; this Trastienda needs revision {head}. Ask your administrator to run `python main.py server init`.</source>
            <translation>La base de datos del servidor aún no tiene el esquema de Trastienda; esta versión de Trastienda necesita la revisión {head}. Pida a su administrador que ejecute `python main.py server init`.</translation>
        </message>
        <message>
            <location filename="../../app/db/migrate.py" line="197" />
            <source>The server's database is at revision {current}; this Trastienda needs {head}. Ask your administrator to run `python main.py server upgrade`.</source>
            <translation>La base de datos del servidor está en la revisión {current}; esta versión de Trastienda necesita la {head}. Pida a su administrador que ejecute `python main.py server upgrade`.</translation>
        </message>
        <message>
            <location filename="../../app/db/migrate.py" line="200" />
            <source>The database schema is at {current}, this version of Trastienda needs {head}. Run `python main.py db upgrade`.</source>
            <translation>El esquema de la base de datos está en la revisión {current} y esta versión de Trastienda necesita la {head}. Ejecute `python main.py db upgrade`.</translation>
        </message>
        <message>
            <location filename="../../app/db/migrate.py" line="202" />
            <source>empty</source>
            <translation>vacía</translation>
        </message>
        <message>
            <location filename="../../app/db/profiles.py" line="56" />
            <location filename="../../app/services/employees.py" line="441" />
            <location filename="../../app/services/hr_audit.py" line="48" />
            <source>this computer</source>
            <translation>este equipo</translation>
        </message>
        <message>
            <location filename="../../app/db/profiles.py" line="79" />
            <source>The connection profiles file {path} cannot be read ({reason}). Fix or delete it; "This computer" works without it.</source>
            <translation>No se puede leer el archivo de perfiles de conexión {path} ({reason}). Corríjalo o elimínelo; "Este equipo" funciona sin él.</translation>
        </message>
        <message>
            <location filename="../../app/db/profiles.py" line="116" />
            <source>There is no connection profile named {name!r}. `python main.py profile list` shows them.</source>
            <translation>No hay ningún perfil de conexión llamado {name!r}. `python main.py profile list` los muestra.</translation>
        </message>
        <message>
            <location filename="../../app/db/profiles.py" line="126" />
            <source>"This computer" is the built-in local profile; it has nothing to edit.</source>
            <translation>"Este equipo" es el perfil local integrado; no tiene nada que editar.</translation>
        </message>
        <message>
            <location filename="../../app/db/profiles.py" line="133" />
            <source>There is no connection profile named {name!r}.</source>
            <translation>No hay ningún perfil de conexión llamado {name!r}.</translation>
        </message>
        <message>
            <location filename="../../app/db/profiles.py" line="148" />
            <source>"This computer" is always there and cannot be removed.</source>
            <translation>"Este equipo" siempre está disponible y no se puede eliminar.</translation>
        </message>
        <message>
            <location filename="../../app/db/profiles.py" line="182" />
            <source>A profile name may not contain : / \ or control characters.</source>
            <translation>Un nombre de perfil no puede contener : / \ ni caracteres de control.</translation>
        </message>
        <message>
            <location filename="../../app/db/profiles.py" line="185" />
            <source>There is already a profile named {name!r}.</source>
            <translation>Ya hay un perfil llamado {name!r}.</translation>
        </message>
        <message>
            <location filename="../../app/db/profiles.py" line="186" />
            <source>"This computer" is the built-in local profile.</source>
            <translation>"Este equipo" es el perfil local integrado.</translation>
        </message>
        <message>
            <location filename="../../app/db/profiles.py" line="189" />
            <source>Write a server name or address, e.g. server.office.lan or 192.168.1.10.</source>
            <translation>Escriba un nombre o una dirección de servidor, p. ej. server.office.lan o 192.168.1.10.</translation>
        </message>
        <message>
            <location filename="../../app/db/profiles.py" line="195" />
            <source>The port is a number from 1 to 65535 (PostgreSQL uses 5432).</source>
            <translation>El puerto es un número del 1 al 65535 (PostgreSQL usa el 5432).</translation>
        </message>
        <message>
            <location filename="../../app/db/profiles.py" line="200" />
            <source>Control characters are not allowed here.</source>
            <translation>Aquí no se admiten caracteres de control.</translation>
        </message>
        <message>
            <location filename="../../app/db/profiles.py" line="203" />
            <source>TLS mode must be one of: {modes}.</source>
            <translation>El modo TLS debe ser uno de estos: {modes}.</translation>
        </message>
        <message>
            <location filename="../../app/db/profiles.py" line="208" />
            <source>No CA certificate file at {path}.</source>
            <translation>No hay ningún archivo de certificado de CA en {path}.</translation>
        </message>
        <message>
            <location filename="../../app/db/profiles.py" line="211" />
            <source>TLS mode {mode} checks the server's certificate: give the CA certificate file that signed it.</source>
            <translation>El modo TLS {mode} comprueba el certificado del servidor: indique el archivo de certificado de CA que lo firmó.</translation>
        </message>
        <message>
            <location filename="../../app/db/profiles.py" line="228" />
            <source>Not a database URL; write postgresql+psycopg://USER@HOST:PORT/DATABASE.</source>
            <translation>No es una URL de base de datos; escriba postgresql+psycopg://USER@HOST:PORT/DATABASE.</translation>
        </message>
        <message>
            <location filename="../../app/db/profiles.py" line="231" />
            <source>A shared profile is a PostgreSQL server: postgresql+psycopg://USER@HOST:PORT/DATABASE.</source>
            <translation>Un perfil compartido es un servidor PostgreSQL: postgresql+psycopg://USER@HOST:PORT/DATABASE.</translation>
        </message>
        <message>
            <location filename="../../app/db/profiles.py" line="234" />
            <source>Leave the password out of the URL: it would be stored on disk. The app asks for it, or takes it from PGPASSWORD.</source>
            <translation>No incluya la contraseña en la URL: se guardaría en el disco. La aplicación la pide o la toma de PGPASSWORD.</translation>
        </message>
        <message>
            <location filename="../../app/db/server_admin.py" line="36" />
            <location filename="../../app/db/server_admin.py" line="166" />
            <source>Server commands need a PostgreSQL URL (postgresql+psycopg://USER@HOST/DB); a local file needs no set-up.</source>
            <translation>Las órdenes de servidor necesitan una URL de PostgreSQL (postgresql+psycopg://USER@HOST/DB); un archivo local no necesita configuración.</translation>
        </message>
        <message>
            <location filename="../../app/db/server_admin.py" line="68" />
            <source>A user name is 1 to 63 lower-case letters, digits, _ . or -, starting with a letter or _.</source>
            <translation>Un nombre de usuario tiene de 1 a 63 letras minúsculas, dígitos, _ . o -, y empieza por una letra o _.</translation>
        </message>
        <message>
            <location filename="../../app/db/server_admin.py" line="71" />
            <source>{name} is reserved: choose another user name.</source>
            <translation>{name} está reservado: elija otro nombre de usuario.</translation>
        </message>
        <message>
            <location filename="../../app/db/server_admin.py" line="78" />
            <source>The role is one of: {roles}.</source>
            <translation>El rol es uno de estos: {roles}.</translation>
        </message>
        <message>
            <location filename="../../app/db/server_admin.py" line="87" />
            <source>{name} is a superuser: change it with the server's own tools.</source>
            <translation>{name} es un superusuario: modifíquelo con las herramientas del propio servidor.</translation>
        </message>
        <message>
            <location filename="../../app/db/server_admin.py" line="103" />
            <source>The password is empty or holds a NUL character.</source>
            <translation>La contraseña está vacía o contiene un carácter NUL.</translation>
        </message>
        <message>
            <location filename="../../app/db/server_admin.py" line="107" />
            <source>{name} already exists: change its role with `server set-role`.</source>
            <translation>{name} ya existe: cambie su rol con `server set-role`.</translation>
        </message>
        <message>
            <location filename="../../app/db/server_admin.py" line="127" />
            <location filename="../../app/db/server_admin.py" line="145" />
            <source>There is no user {name} on this server.</source>
            <translation>No hay ningún usuario {name} en este servidor.</translation>
        </message>
        <message>
            <location filename="../../app/db/server_admin.py" line="147" />
            <source>You cannot remove the login you are using.</source>
            <translation>No puede eliminar el usuario con el que ha iniciado sesión.</translation>
        </message>
        <message>
            <location filename="../../app/db/server_admin.py" line="154" />
            <source>{name} owns objects on this server; reassign them first.</source>
            <translation>{name} es propietario de objetos en este servidor; reasígnelos primero.</translation>
        </message>
        <message>
            <location filename="../../app/db/session.py" line="61" />
            <location filename="../../app/services/common.py" line="35" />
            <source>Someone else changed this record since you opened it. Reload it and try again.</source>
            <translation>Otra persona ha modificado este registro desde que lo abrió. Vuelva a cargarlo e inténtelo de nuevo.</translation>
        </message>
        <message>
            <location filename="../../app/db/session.py" line="86" />
            <source>this login</source>
            <translation>este usuario</translation>
        </message>
        <message>
            <location filename="../../app/db/session.py" line="88" />
            <source>The server no longer knows the login {user}: it was removed. Ask your administrator.</source>
            <translation>El servidor ya no reconoce el usuario {user}: se ha eliminado. Consulte a su administrador.</translation>
        </message>
        <message>
            <location filename="../../app/db/session.py" line="95" />
            <source>The server does not let {user} do this: {detail}</source>
            <translation>El servidor no permite a {user} hacer esto: {detail}</translation>
        </message>
        <message>
            <location filename="../../app/demo/generate.py" line="81" />
            <source>This database already holds data ({tables}); demo data only goes into an empty database. Use a new database file with --db.</source>
            <translation>Esta base de datos ya contiene datos ({tables}); los datos de demostración solo se cargan en una base de datos vacía. Use un archivo de base de datos nuevo con --db.</translation>
        </message>
        <message>
            <location filename="../../app/demo/generate.py" line="88" />
            <source>Must be zero or more.</source>
            <translation>Debe ser cero o más.</translation>
        </message>
        <message>
            <location filename="../../app/demo/generate.py" line="90" />
            <source>Invoices need at least one customer.</source>
            <translation>Las facturas necesitan al menos un cliente.</translation>
        </message>
        <message>
            <location filename="../../app/demo/generate.py" line="92" />
            <source>Invoices and contracts need at least one product.</source>
            <translation>Las facturas y los contratos necesitan al menos un producto.</translation>
        </message>
        <message>
            <location filename="../../app/documents/barcode_labels.py" line="133" />
            <source>3 × 8 labels, 70 × 37 mm (APLI 1274, Avery 3474)</source>
            <translation>3 × 8 etiquetas, 70 × 37 mm (APLI 1274, Avery 3474)</translation>
        </message>
        <message>
            <location filename="../../app/documents/barcode_labels.py" line="136" />
            <source>2 × 7 labels, 99.1 × 38.1 mm (Avery L7163)</source>
            <translation>2 × 7 etiquetas, 99,1 × 38,1 mm (Avery L7163)</translation>
        </message>
        <message>
            <location filename="../../app/documents/barcode_labels.py" line="139" />
            <source>4 × 10 labels, 52.5 × 29.7 mm</source>
            <translation>4 × 10 etiquetas, 52,5 × 29,7 mm</translation>
        </message>
        <message>
            <location filename="../../app/documents/barcode_labels.py" line="312" />
            <source>The first label is between 1 and {n} on this sheet.</source>
            <translation>La primera etiqueta debe estar entre 1 y {n} en esta hoja.</translation>
        </message>
        <message>
            <location filename="../../app/documents/barcode_labels.py" line="323" />
            <source>{product}: the copies are between 0 and {n}.</source>
            <translation>{product}: las copias deben estar entre 0 y {n}.</translation>
        </message>
        <message>
            <location filename="../../app/documents/barcode_labels.py" line="331" />
            <source>{product}: the price is not a number.</source>
            <translation>{product}: el precio no es un número.</translation>
        </message>
        <message>
            <location filename="../../app/documents/barcode_labels.py" line="341" />
            <source>{product} has no EAN, and its SKU has characters a Code 128 barcode cannot carry (accents, ñ): give it an EAN or a plain SKU.</source>
            <translation>{product} no tiene EAN, y su SKU tiene caracteres que un código de barras Code 128 no admite (acentos, ñ): asígnele un EAN o un SKU sin esos caracteres.</translation>
        </message>
        <message>
            <location filename="../../app/documents/barcode_labels.py" line="347" />
            <source>{product} has no EAN, and its SKU is too long for a barcode on these labels: choose a wider label or give it an EAN.</source>
            <translation>{product} no tiene EAN, y su SKU es demasiado largo para un código de barras en estas etiquetas: elija una etiqueta más ancha o asígnele un EAN.</translation>
        </message>
        <message>
            <location filename="../../app/documents/barcode_labels.py" line="354" />
            <source>Nothing to print: choose at least one copy of one product.</source>
            <translation>Nada que imprimir: elija al menos una copia de un producto.</translation>
        </message>
        <message>
            <location filename="../../app/documents/count_sheet.py" line="82" />
            <location filename="../../app/services/count_lists.py" line="59" />
            <location filename="../../app/services/count_sheets.py" line="43" />
            <source>Location</source>
            <translation>Ubicación</translation>
        </message>
        <message>
            <location filename="../../app/documents/count_sheet.py" line="83" />
            <location filename="../../app/reports/sales.py" line="106" />
            <location filename="../../app/reports/stock_value.py" line="29" />
            <location filename="../../app/services/count_lists.py" line="60" />
            <location filename="../../app/services/count_sheets.py" line="44" />
            <location filename="../../app/services/product_csv.py" line="52" />
            <location filename="../../app/services/products.py" line="250" />
            <location filename="../../app/services/stock.py" line="502" />
            <source>SKU</source>
            <translation>SKU</translation>
        </message>
        <message>
            <location filename="../../app/documents/count_sheet.py" line="83" />
            <location filename="../../app/services/count_lists.py" line="61" />
            <location filename="../../app/services/count_sheets.py" line="44" />
            <location filename="../../app/services/products.py" line="251" />
            <source>EAN</source>
            <translation>EAN</translation>
        </message>
        <message>
            <location filename="../../app/documents/count_sheet.py" line="83" />
            <location filename="../../app/reports/sales.py" line="107" />
            <location filename="../../app/reports/stock_value.py" line="30" />
            <location filename="../../app/services/stock.py" line="503" />
            <location filename="../../app/sync/conflicts.py" line="36" />
            <source>Product</source>
            <translation>Producto</translation>
        </message>
        <message>
            <location filename="../../app/documents/count_sheet.py" line="84" />
            <location filename="../../app/services/count_lists.py" line="63" />
            <location filename="../../app/services/count_sheets.py" line="45" />
            <location filename="../../app/services/products.py" line="255" />
            <source>Unit</source>
            <translation>Unidad</translation>
        </message>
        <message>
            <location filename="../../app/documents/count_sheet.py" line="86" />
            <location filename="../../app/services/count_lists.py" line="64" />
            <location filename="../../app/services/count_sheets.py" line="47" />
            <source>Expected</source>
            <translation>Teórico</translation>
        </message>
        <message>
            <location filename="../../app/documents/count_sheet.py" line="87" />
            <location filename="../../app/services/count_lists.py" line="27" />
            <location filename="../../app/services/count_lists.py" line="65" />
            <location filename="../../app/services/count_sheets.py" line="48" />
            <source>Counted</source>
            <translation>Contado</translation>
        </message>
        <message>
            <location filename="../../app/documents/count_sheet.py" line="107" />
            <source>Counted by: ____________________</source>
            <translation>Contado por: ____________________</translation>
        </message>
        <message>
            <location filename="../../app/documents/count_sheet.py" line="108" />
            <source>Warehouse: {warehouse}</source>
            <translation>Almacén: {warehouse}</translation>
        </message>
        <message>
            <location filename="../../app/documents/count_sheet.py" line="110" />
            <source>Date: {date}</source>
            <translation>Fecha: {date}</translation>
        </message>
        <message>
            <location filename="../../app/documents/count_sheet.py" line="111" />
            <source>Expected quantities shown</source>
            <translation>Con cantidades teóricas</translation>
        </message>
        <message>
            <location filename="../../app/documents/count_sheet.py" line="111" />
            <source>Blind count: write what you find</source>
            <translation>Recuento a ciegas: anote lo que encuentre</translation>
        </message>
        <message>
            <location filename="../../app/documents/count_sheet.py" line="127" />
            <location filename="../../app/documents/report_pdf.py" line="115" />
            <source>Page {page} of {pages}</source>
            <translation>Página {page} de {pages}</translation>
        </message>
        <message>
            <location filename="../../app/documents/count_sheet.py" line="201" />
            <location filename="../../app/documents/count_sheet.py" line="106" />
            <location filename="../../app/services/count_posting.py" line="167" />
            <source>Stock count {ref}</source>
            <translation>Recuento de inventario {ref}</translation>
        </message>
        <message>
            <location filename="../../app/documents/invoice_pdf.py" line="197" />
            <source>Cancelled after {count} invoices; nothing was written.</source>
            <translation>Cancelado tras {count} facturas; no se ha escrito nada.</translation>
        </message>
        <message>
            <location filename="../../app/documents/report_pdf.py" line="93" />
            <source>Made on {date} at {time}</source>
            <translation>Generado el {date} a las {time}</translation>
        </message>
        <message>
            <location filename="../../app/domain/audit_guard.py" line="22" />
            <source>The personal-data audit trail cannot be changed or deleted.</source>
            <translation>El registro de auditoría de datos personales no se puede modificar ni eliminar.</translation>
        </message>
        <message>
            <location filename="../../app/domain/invoice_guard.py" line="37" />
            <source>Posted invoice {number} cannot be changed or deleted; correct it with a credit note.</source>
            <translation>La factura emitida {number} no se puede modificar ni eliminar; corríjala con una factura rectificativa.</translation>
        </message>
        <message>
            <location filename="../../app/domain/stock_guard.py" line="20" />
            <source>A done stock move cannot be changed or deleted; record a reverse move.</source>
            <translation>Un movimiento de existencias realizado no se puede modificar ni eliminar; registre un movimiento inverso.</translation>
        </message>
        <message>
            <location filename="../../app/domain/verifactu.py" line="98" />
            <source>VERI*FACTU record{where} cannot be changed or deleted: records are only ever appended.</source>
            <translation>El registro VERI*FACTU{where} no se puede modificar ni eliminar: los registros solo se añaden, nunca se cambian.</translation>
        </message>
        <message>
            <location filename="../../app/errors.py" line="98" />
            <source>{product}: {on_hand} on hand in {warehouse}, {wanted} wanted</source>
            <translation>{product}: {on_hand} disponibles en {warehouse}, se necesitan {wanted}</translation>
        </message>
        <message>
            <location filename="../../app/errors.py" line="121" />
            <source>Not enough stock: {list}.</source>
            <translation>No hay existencias suficientes: {list}.</translation>
        </message>
        <message>
            <location filename="../../app/reports/aging.py" line="40" />
            <source>Not yet due</source>
            <translation>Sin vencer</translation>
        </message>
        <message>
            <location filename="../../app/reports/aging.py" line="40" />
            <source>1-30 days</source>
            <translation>1-30 días</translation>
        </message>
        <message>
            <location filename="../../app/reports/aging.py" line="40" />
            <source>31-60 days</source>
            <translation>31-60 días</translation>
        </message>
        <message>
            <location filename="../../app/reports/aging.py" line="41" />
            <source>61-90 days</source>
            <translation>61-90 días</translation>
        </message>
        <message>
            <location filename="../../app/reports/aging.py" line="41" />
            <source>Over 90 days</source>
            <translation>Más de 90 días</translation>
        </message>
        <message>
            <location filename="../../app/reports/aging.py" line="159" />
            <location filename="../../app/reports/people.py" line="92" />
            <location filename="../../app/reports/sales.py" line="71" />
            <location filename="../../app/services/departments.py" line="122" />
            <location filename="../../app/services/employees.py" line="520" />
            <location filename="../../app/services/leave_lists.py" line="28" />
            <location filename="../../app/services/parties.py" line="230" />
            <location filename="../../app/services/products.py" line="381" />
            <source>Code</source>
            <translation>Código</translation>
        </message>
        <message>
            <location filename="../../app/reports/aging.py" line="160" />
            <location filename="../../app/reports/filters.py" line="27" />
            <location filename="../../app/reports/people.py" line="40" />
            <location filename="../../app/reports/sales.py" line="72" />
            <location filename="../../app/reports/vat_book.py" line="38" />
            <location filename="../../app/services/invoices.py" line="210" />
            <source>Customer</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <location filename="../../app/reports/aging.py" line="161" />
            <location filename="../../app/reports/sales.py" line="74" />
            <location filename="../../app/reports/sales.py" line="159" />
            <source>Invoices</source>
            <translation>Facturas</translation>
        </message>
        <message>
            <location filename="../../app/reports/aging.py" line="163" />
            <source>Owed</source>
            <translation>Pendiente</translation>
        </message>
        <message>
            <location filename="../../app/reports/aging.py" line="167" />
            <source>Receivables aging</source>
            <translation>Antigüedad de la deuda de clientes</translation>
        </message>
        <message>
            <location filename="../../app/reports/aging.py" line="168" />
            <source>What each customer owed on the date, by days past the due date.</source>
            <translation>Lo que debía cada cliente en la fecha, por días transcurridos desde el vencimiento.</translation>
        </message>
        <message>
            <location filename="../../app/reports/aging.py" line="169" />
            <source>No customer owed anything on this date.</source>
            <translation>Ningún cliente tenía deuda pendiente en esta fecha.</translation>
        </message>
        <message>
            <location filename="../../app/reports/aging.py" line="183" />
            <location filename="../../app/reports/sales.py" line="94" />
            <source>(simplified invoices without a customer)</source>
            <translation>(facturas simplificadas sin cliente)</translation>
        </message>
        <message>
            <location filename="../../app/reports/aging.py" line="187" />
            <source>Days are counted from each invoice's due date; one without a due date is not yet due, as in the invoice list. Credit notes are not receivables.</source>
            <translation>Los días se cuentan desde el vencimiento de cada factura; una factura sin vencimiento figura como no vencida, igual que en la lista de facturas. Las facturas rectificativas no son deuda de clientes.</translation>
        </message>
        <message>
            <location filename="../../app/reports/base.py" line="51" />
            <source>As of {date}</source>
            <translation>A fecha de {date}</translation>
        </message>
        <message>
            <location filename="../../app/reports/base.py" line="52" />
            <source>From {start} to {end}</source>
            <translation>Desde {start} hasta {end}</translation>
        </message>
        <message>
            <location filename="../../app/reports/base.py" line="131" />
            <source>{date} is too far in the past or the future: there is nothing to show.</source>
            <translation>{date} está demasiado lejos en el pasado o en el futuro: no hay nada que mostrar.</translation>
        </message>
        <message>
            <location filename="../../app/reports/base.py" line="135" />
            <source>The period ends ({end}) before it starts ({start}): there is nothing to show. Swap the dates.</source>
            <translation>El periodo termina ({end}) antes de empezar ({start}): no hay nada que mostrar. Intercambie las fechas.</translation>
        </message>
        <message>
            <location filename="../../app/reports/base.py" line="138" />
            <source>The period {start} to {end} is too far in the past or the future: there is nothing to show.</source>
            <translation>El periodo de {start} a {end} está demasiado lejos en el pasado o en el futuro: no hay nada que mostrar.</translation>
        </message>
        <message>
            <location filename="../../app/reports/base.py" line="156" />
            <source>Unknown report {name}. `main.py report --list` lists them.</source>
            <translation>Informe desconocido: {name}. `main.py report --list` muestra la lista.</translation>
        </message>
        <message>
            <location filename="../../app/reports/base.py" line="173" />
            <location filename="../../app/reports/sales.py" line="48" />
            <location filename="../../app/reports/vat_book.py" line="45" />
            <location filename="../../app/services/invoices.py" line="215" />
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <location filename="../../app/reports/dashboard.py" line="80" />
            <source>nothing on the same days of {year}</source>
            <translation>nada en los mismos días de {year}</translation>
        </message>
        <message>
            <location filename="../../app/reports/dashboard.py" line="82" />
            <source>{pct} % on the same days of {year}</source>
            <translation>{pct} % respecto a los mismos días de {year}</translation>
        </message>
        <message>
            <location filename="../../app/reports/dashboard.py" line="108" />
            <source>Sales this month</source>
            <translation>Ventas este mes</translation>
        </message>
        <message>
            <location filename="../../app/reports/dashboard.py" line="109" />
            <source>Sales this year</source>
            <translation>Ventas este año</translation>
        </message>
        <message>
            <location filename="../../app/reports/dashboard.py" line="126" />
            <source>Owed by customers</source>
            <translation>Deuda de clientes</translation>
        </message>
        <message>
            <location filename="../../app/reports/dashboard.py" line="127" />
            <source>{n} invoices not fully paid</source>
            <translation>{n} facturas pendientes de cobro</translation>
        </message>
        <message>
            <location filename="../../app/reports/dashboard.py" line="128" />
            <source>Overdue</source>
            <translation>Vencidas</translation>
        </message>
        <message>
            <location filename="../../app/reports/dashboard.py" line="128" />
            <source>{n} invoices past their due date</source>
            <translation>{n} facturas vencidas</translation>
        </message>
        <message>
            <location filename="../../app/reports/dashboard.py" line="138" />
            <source>Invoices to post</source>
            <translation>Facturas por emitir</translation>
        </message>
        <message>
            <location filename="../../app/reports/dashboard.py" line="138" />
            <source>drafts waiting</source>
            <translation>borradores en espera</translation>
        </message>
        <message>
            <location filename="../../app/reports/dashboard.py" line="147" />
            <source>Products to reorder</source>
            <translation>Productos por reponer</translation>
        </message>
        <message>
            <location filename="../../app/reports/dashboard.py" line="147" />
            <source>at or below their reorder point</source>
            <translation>en su punto de pedido o por debajo</translation>
        </message>
        <message>
            <location filename="../../app/reports/dashboard.py" line="149" />
            <location filename="../../app/services/products.py" line="261" />
            <source>Stock value</source>
            <translation>Valor de existencias</translation>
        </message>
        <message>
            <location filename="../../app/reports/dashboard.py" line="150" />
            <source>at average cost, every warehouse</source>
            <translation>a coste medio, todos los almacenes</translation>
        </message>
        <message>
            <location filename="../../app/reports/dashboard.py" line="159" />
            <source>Contracts ending</source>
            <translation>Contratos que finalizan</translation>
        </message>
        <message>
            <location filename="../../app/reports/dashboard.py" line="159" />
            <source>ending or notice due soon</source>
            <translation>fin o plazo de preaviso próximos</translation>
        </message>
        <message>
            <location filename="../../app/reports/dashboard.py" line="161" />
            <source>Contracts to bill</source>
            <translation>Contratos por facturar</translation>
        </message>
        <message>
            <location filename="../../app/reports/dashboard.py" line="162" />
            <source>periods due within {n} days</source>
            <translation>periodos que vencen en {n} días</translation>
        </message>
        <message>
            <location filename="../../app/reports/dashboard.py" line="174" />
            <source>Away this week</source>
            <translation>Ausentes esta semana</translation>
        </message>
        <message>
            <location filename="../../app/reports/dashboard.py" line="174" />
            <source>people on approved leave</source>
            <translation>personas con ausencia aprobada</translation>
        </message>
        <message>
            <location filename="../../app/reports/filters.py" line="28" />
            <source>Series</source>
            <translation>Serie</translation>
        </message>
        <message>
            <location filename="../../app/reports/filters.py" line="29" />
            <location filename="../../app/reports/stock_value.py" line="28" />
            <location filename="../../app/services/count_lists.py" line="23" />
            <location filename="../../app/sync/conflicts.py" line="37" />
            <source>Warehouse</source>
            <translation>Almacén</translation>
        </message>
        <message>
            <location filename="../../app/reports/filters.py" line="30" />
            <location filename="../../app/reports/people.py" line="93" />
            <location filename="../../app/services/employees.py" line="524" />
            <location filename="../../app/services/leave_lists.py" line="31" />
            <location filename="../../app/sync/conflicts.py" line="41" />
            <source>Department</source>
            <translation>Departamento</translation>
        </message>
        <message>
            <location filename="../../app/reports/filters.py" line="63" />
            <source>No customer has the code or NIF {value}.</source>
            <translation>Ningún cliente tiene el código o NIF {value}.</translation>
        </message>
        <message>
            <location filename="../../app/reports/filters.py" line="64" />
            <source>No invoice series has the code {value}.</source>
            <translation>Ninguna serie de facturas tiene el código {value}.</translation>
        </message>
        <message>
            <location filename="../../app/reports/filters.py" line="65" />
            <source>No warehouse has the code {value}.</source>
            <translation>Ningún almacén tiene el código {value}.</translation>
        </message>
        <message>
            <location filename="../../app/reports/filters.py" line="66" />
            <source>No department has the code {value}.</source>
            <translation>Ningún departamento tiene el código {value}.</translation>
        </message>
        <message>
            <location filename="../../app/reports/filters.py" line="76" />
            <source>The report {name} takes no {filter} filter.</source>
            <translation>El informe {name} no admite el filtro {filter}.</translation>
        </message>
        <message>
            <location filename="../../app/reports/output.py" line="37" />
            <source>Unknown report format {fmt}: use pdf, csv or xlsx.</source>
            <translation>Formato de informe desconocido: {fmt}. Use pdf, csv o xlsx.</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="35" />
            <location filename="../../app/reports/people.py" line="74" />
            <source>Ends</source>
            <translation>Finaliza</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="36" />
            <location filename="../../app/services/contracts.py" line="497" />
            <source>Notice by</source>
            <translation>Preaviso hasta</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="37" />
            <location filename="../../app/services/contracts.py" line="489" />
            <location filename="../../app/services/count_lists.py" line="21" />
            <location filename="../../app/services/stock.py" line="508" />
            <source>Reference</source>
            <translation>Referencia</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="38" />
            <location filename="../../app/sync/conflicts.py" line="40" />
            <source>Contract</source>
            <translation>Contrato</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="39" />
            <location filename="../../app/services/contracts.py" line="491" />
            <source>With</source>
            <translation>Contraparte</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="40" />
            <location filename="../../app/reports/vat_book.py" line="36" />
            <location filename="../../app/services/contracts.py" line="492" />
            <location filename="../../app/services/invoices.py" line="213" />
            <location filename="../../app/services/leave_lists.py" line="32" />
            <location filename="../../app/services/products.py" line="254" />
            <location filename="../../app/services/stock.py" line="501" />
            <source>Kind</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="40" />
            <source>Supplier</source>
            <translation>Proveedor</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="41" />
            <source>Employment</source>
            <translation>Laboral</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="42" />
            <source>Then</source>
            <translation>Después</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="43" />
            <location filename="../../app/reports/stock_value.py" line="33" />
            <location filename="../../app/services/contracts.py" line="496" />
            <source>Value</source>
            <translation>Valor</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="47" />
            <source>Contract renewals calendar</source>
            <translation>Calendario de renovaciones de contratos</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="48" />
            <source>Running contracts ending in the period, with the notice deadline; automatic renewals are projected.</source>
            <translation>Contratos en vigor que finalizan en el periodo, con la fecha límite de preaviso; se proyectan las renovaciones automáticas.</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="50" />
            <source>No contract ends or renews in this period.</source>
            <translation>Ningún contrato finaliza ni se renueva en este periodo.</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="74" />
            <source>Renews for {n} months</source>
            <translation>Se renueva por {n} meses</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="81" />
            <source>{n} ends or renewals</source>
            <translation>{n} finalizaciones o renovaciones</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="82" />
            <source>Value is each contract's stated value; a contract given notice ends instead of renewing.</source>
            <translation>El valor es el declarado en cada contrato; un contrato con preaviso dado finaliza en lugar de renovarse.</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="94" />
            <source>At start</source>
            <translation>Al inicio</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="95" />
            <location filename="../../app/services/employees.py" line="528" />
            <source>Hired</source>
            <translation>Alta</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="96" />
            <source>Left</source>
            <translation>Baja</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="97" />
            <source>At end</source>
            <translation>Al final</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="98" />
            <source>Vacation days</source>
            <translation>Días de vacaciones</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="99" />
            <source>Sick days</source>
            <translation>Días de baja por enfermedad</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="100" />
            <source>Other leave days</source>
            <translation>Días de otras ausencias</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="104" />
            <source>Headcount and leave per department</source>
            <translation>Plantilla y ausencias por departamento</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="105" />
            <source>People at the start and end of the period, hires, leavers, and working days of approved leave in it, per department.</source>
            <translation>Personas al inicio y al final del periodo, altas, bajas y días laborables de ausencias aprobadas en el periodo, por departamento.</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="107" />
            <source>Nobody was employed in this period.</source>
            <translation>No había nadie en plantilla en este periodo.</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="146" />
            <source>(no department)</source>
            <translation>(sin departamento)</translation>
        </message>
        <message>
            <location filename="../../app/reports/people.py" line="151" />
            <source>Leave days are the working days of approved leave inside the period.</source>
            <translation>Los días de ausencia son los días laborables de ausencias aprobadas dentro del periodo.</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="44" />
            <location filename="../../app/reports/sales.py" line="110" />
            <location filename="../../app/reports/vat_book.py" line="39" />
            <location filename="../../app/services/invoices.py" line="214" />
            <source>Base</source>
            <translation>Base</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="45" />
            <location filename="../../app/reports/vat_book.py" line="41" />
            <location filename="../../app/services/product_csv.py" line="54" />
            <source>IVA</source>
            <translation>IVA</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="46" />
            <location filename="../../app/reports/vat_book.py" line="43" />
            <source>Recargo</source>
            <translation>Recargo</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="47" />
            <location filename="../../app/reports/vat_book.py" line="44" />
            <source>IRPF</source>
            <translation>IRPF</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="73" />
            <location filename="../../app/reports/vat_book.py" line="37" />
            <location filename="../../app/services/employees.py" line="531" />
            <location filename="../../app/services/invoices.py" line="211" />
            <location filename="../../app/services/parties.py" line="233" />
            <source>NIF</source>
            <translation>NIF</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="75" />
            <location filename="../../app/reports/sales.py" line="160" />
            <source>Credit notes</source>
            <translation>Rectificativas</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="80" />
            <source>Sales by customer</source>
            <translation>Ventas por cliente</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="81" />
            <source>Posted invoices and credit notes of the period per customer, largest first.</source>
            <translation>Facturas emitidas y rectificativas del periodo por cliente, de mayor a menor.</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="82" />
            <location filename="../../app/reports/sales.py" line="117" />
            <location filename="../../app/reports/sales.py" line="177" />
            <source>No posted invoices in this period.</source>
            <translation>No hay facturas emitidas en este periodo.</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="99" />
            <source>Credit notes are counted with their negative amounts; cancelled invoices are left out.</source>
            <translation>Las facturas rectificativas se cuentan con sus importes negativos; las facturas anuladas no se incluyen.</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="108" />
            <location filename="../../app/services/count_lists.py" line="25" />
            <source>Lines</source>
            <translation>Líneas</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="109" />
            <location filename="../../app/reports/stock_value.py" line="31" />
            <location filename="../../app/services/stock.py" line="506" />
            <source>Quantity</source>
            <translation>Cantidad</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="111" />
            <source>Share %</source>
            <translation>% del total</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="115" />
            <source>Sales by product</source>
            <translation>Ventas por producto</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="116" />
            <source>Quantity and base of each product sold in the period (credit notes subtract).</source>
            <translation>Cantidad y base imponible de cada producto vendido en el periodo (las rectificativas restan).</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="136" />
            <source>(lines without a product)</source>
            <translation>(líneas sin producto)</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="142" />
            <source>Bases are the lines' amounts before tax; credit notes subtract.</source>
            <translation>Las bases son los importes de las líneas antes de impuestos; las rectificativas restan.</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="147" />
            <source>January</source>
            <translation>Enero</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="147" />
            <source>February</source>
            <translation>Febrero</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="147" />
            <source>March</source>
            <translation>Marzo</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="147" />
            <source>April</source>
            <translation>Abril</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="148" />
            <source>May</source>
            <translation>Mayo</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="148" />
            <source>June</source>
            <translation>Junio</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="148" />
            <source>July</source>
            <translation>Julio</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="148" />
            <source>August</source>
            <translation>Agosto</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="149" />
            <source>September</source>
            <translation>Septiembre</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="149" />
            <source>October</source>
            <translation>Octubre</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="149" />
            <source>November</source>
            <translation>Noviembre</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="149" />
            <source>December</source>
            <translation>Diciembre</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="158" />
            <source>Month</source>
            <translation>Mes</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="162" />
            <source>Base a year before</source>
            <translation>Base un año antes</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="163" />
            <source>Change %</source>
            <translation>Variación %</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="175" />
            <source>Sales by month</source>
            <translation>Ventas por mes</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="176" />
            <source>Invoices, credit notes and amounts per month, beside the same month a year before.</source>
            <translation>Facturas, rectificativas e importes de cada mes, junto al mismo mes del año anterior.</translation>
        </message>
        <message>
            <location filename="../../app/reports/sales.py" line="206" />
            <source>Credit notes are counted with their negative amounts; cancelled invoices are left out. A year before: the same days one year earlier.</source>
            <translation>Las facturas rectificativas se cuentan con sus importes negativos; las facturas anuladas no se incluyen. Un año antes: los mismos días del año anterior.</translation>
        </message>
        <message>
            <location filename="../../app/reports/stock_value.py" line="32" />
            <source>Average cost</source>
            <translation>Coste medio</translation>
        </message>
        <message>
            <location filename="../../app/reports/stock_value.py" line="37" />
            <source>Stock valuation</source>
            <translation>Valoración de existencias</translation>
        </message>
        <message>
            <location filename="../../app/reports/stock_value.py" line="38" />
            <source>Quantity and value of each product in each warehouse at the end of the date, at weighted average cost.</source>
            <translation>Cantidad y valor de cada producto en cada almacén al final de la fecha, a coste medio ponderado.</translation>
        </message>
        <message>
            <location filename="../../app/reports/stock_value.py" line="40" />
            <source>There was no stock on this date.</source>
            <translation>No había existencias en esta fecha.</translation>
        </message>
        <message>
            <location filename="../../app/reports/stock_value.py" line="76" />
            <source>Products with neither stock nor value on the date are left out. Each value is rounded to cents; the total is the exact sum, rounded once.</source>
            <translation>No se incluyen los productos sin existencias ni valor en la fecha. Cada valor se redondea a céntimos; el total es la suma exacta, redondeada una sola vez.</translation>
        </message>
        <message>
            <location filename="../../app/reports/vat_book.py" line="28" />
            <location filename="../../app/sync/conflicts.py" line="38" />
            <source>Invoice</source>
            <translation>Factura</translation>
        </message>
        <message>
            <location filename="../../app/reports/vat_book.py" line="28" />
            <source>Simplified</source>
            <translation>Simplificada</translation>
        </message>
        <message>
            <location filename="../../app/reports/vat_book.py" line="28" />
            <source>Credit note</source>
            <translation>Rectificativa</translation>
        </message>
        <message>
            <location filename="../../app/reports/vat_book.py" line="33" />
            <source>Issued</source>
            <translation>F. expedición</translation>
        </message>
        <message>
            <location filename="../../app/reports/vat_book.py" line="34" />
            <source>Operation</source>
            <translation>F. operación</translation>
        </message>
        <message>
            <location filename="../../app/reports/vat_book.py" line="35" />
            <location filename="../../app/services/invoices.py" line="208" />
            <source>Number</source>
            <translation>Número</translation>
        </message>
        <message>
            <location filename="../../app/reports/vat_book.py" line="40" />
            <source>IVA %</source>
            <translation>% IVA</translation>
        </message>
        <message>
            <location filename="../../app/reports/vat_book.py" line="42" />
            <source>RE %</source>
            <translation>% RE</translation>
        </message>
        <message>
            <location filename="../../app/reports/vat_book.py" line="46" />
            <source>Exemption</source>
            <translation>Exención</translation>
        </message>
        <message>
            <location filename="../../app/reports/vat_book.py" line="50" />
            <source>VAT book of issued invoices</source>
            <translation>Libro registro de IVA de facturas expedidas</translation>
        </message>
        <message>
            <location filename="../../app/reports/vat_book.py" line="51" />
            <source>Libro registro de facturas expedidas: each posted invoice and credit note, per IVA rate, with base, tax, recargo and IRPF.</source>
            <translation>Libro registro de facturas expedidas: cada factura emitida y cada rectificativa, por tipo de IVA, con base imponible, cuota, recargo e IRPF.</translation>
        </message>
        <message>
            <location filename="../../app/reports/vat_book.py" line="53" />
            <source>No invoices were issued in this period.</source>
            <translation>No se expidieron facturas en este periodo.</translation>
        </message>
        <message>
            <location filename="../../app/reports/vat_book.py" line="89" />
            <source>Cancelled invoices and drafts are not in the book. IRPF and the invoice total are on the first row of each invoice.</source>
            <translation>Las facturas anuladas y los borradores no figuran en el libro. El IRPF y el total de la factura aparecen en la primera fila de cada factura.</translation>
        </message>
        <message>
            <location filename="../../app/services/access.py" line="38" />
            <source>Only {role} may do this.</source>
            <translation>Solo {role} puede hacer esto.</translation>
        </message>
        <message>
            <location filename="../../app/services/access.py" line="42" />
            <source>clerks</source>
            <translation>el personal administrativo</translation>
        </message>
        <message>
            <location filename="../../app/services/access.py" line="42" />
            <source>an accountant</source>
            <translation>un contable</translation>
        </message>
        <message>
            <location filename="../../app/services/access.py" line="42" />
            <source>HR staff</source>
            <translation>el personal de RR. HH.</translation>
        </message>
        <message>
            <location filename="../../app/services/access.py" line="43" />
            <source>an administrator</source>
            <translation>un administrador</translation>
        </message>
        <message>
            <location filename="../../app/services/chain.py" line="110" />
            <source>Posting and cancelling invoices need the server: you are working offline. The draft is saved and can be posted when the server is back.</source>
            <translation>Para emitir y anular facturas hace falta el servidor: está trabajando sin conexión. El borrador queda guardado y podrá emitirse cuando vuelva el servidor.</translation>
        </message>
        <message>
            <location filename="../../app/services/chain.py" line="122" />
            <source>Fill in your company's NIF before posting: every VERI*FACTU record carries it.</source>
            <translation>Rellene el NIF de su empresa antes de emitir: figura en todos los registros VERI*FACTU.</translation>
        </message>
        <message>
            <location filename="../../app/services/chain.py" line="205" />
            <source>Only a posted invoice gets a VERI*FACTU registration record.</source>
            <translation>Solo una factura emitida tiene registro de alta VERI*FACTU.</translation>
        </message>
        <message>
            <location filename="../../app/services/chain.py" line="208" />
            <source>A credit note needs its reason (R1 to R5).</source>
            <translation>Una factura rectificativa necesita su motivo (R1 a R5).</translation>
        </message>
        <message>
            <location filename="../../app/services/chain.py" line="212" />
            <source>Invoice {number} already has its VERI*FACTU record.</source>
            <translation>La factura {number} ya tiene su registro VERI*FACTU.</translation>
        </message>
        <message>
            <location filename="../../app/services/chain.py" line="248" />
            <source>Only a cancelled invoice gets a VERI*FACTU cancellation record.</source>
            <translation>Solo una factura anulada tiene registro de anulación VERI*FACTU.</translation>
        </message>
        <message>
            <location filename="../../app/services/chain.py" line="251" />
            <source>Invoice {number} has no VERI*FACTU record to cancel.</source>
            <translation>La factura {number} no tiene registro VERI*FACTU que anular.</translation>
        </message>
        <message>
            <location filename="../../app/services/chain.py" line="254" />
            <source>The cancellation of invoice {number} is already recorded.</source>
            <translation>La anulación de la factura {number} ya está registrada.</translation>
        </message>
        <message>
            <location filename="../../app/services/chain_verify.py" line="46" />
            <source>Invoice {number}: {reason}</source>
            <translation>Factura {number}: {reason}</translation>
        </message>
        <message>
            <location filename="../../app/services/chain_verify.py" line="48" />
            <source>Record {seq} of {issuer}, workstation {ws}'s chain (invoice {number}): {reason}</source>
            <translation>Registro {seq} de {issuer}, cadena del puesto {ws} (factura {number}): {reason}</translation>
        </message>
        <message>
            <location filename="../../app/services/chain_verify.py" line="51" />
            <source>Record {seq} of {issuer} (invoice {number}): {reason}</source>
            <translation>Registro {seq} de {issuer} (factura {number}): {reason}</translation>
        </message>
        <message>
            <location filename="../../app/services/chain_verify.py" line="84" />
            <source>its stored fields are not valid for the AEAT ({error})</source>
            <translation>sus campos guardados no son válidos para la AEAT ({error})</translation>
        </message>
        <message>
            <location filename="../../app/services/chain_verify.py" line="86" />
            <source>its stored fields do not give its hash (stored {stored}, recomputed {computed})</source>
            <translation>sus campos guardados no dan su huella (guardada {stored}, recalculada {computed})</translation>
        </message>
        <message>
            <location filename="../../app/services/chain_verify.py" line="89" />
            <source>its stored time {stored} differs from the time it hashed ({text})</source>
            <translation>su hora guardada {stored} no coincide con la hora usada en la huella ({text})</translation>
        </message>
        <message>
            <location filename="../../app/services/chain_verify.py" line="98" />
            <source>sequence {found} where {expected} was expected: records are missing</source>
            <translation>secuencia {found} donde se esperaba {expected}: faltan registros</translation>
        </message>
        <message>
            <location filename="../../app/services/chain_verify.py" line="103" />
            <source>it is the first record but names a previous hash {hash}</source>
            <translation>es el primer registro pero indica una huella anterior {hash}</translation>
        </message>
        <message>
            <location filename="../../app/services/chain_verify.py" line="104" />
            <source>it does not chain to record {prev}: it names previous hash {named}, record {prev} has {actual}</source>
            <translation>no encadena con el registro {prev}: indica la huella anterior {named}, y el registro {prev} tiene {actual}</translation>
        </message>
        <message>
            <location filename="../../app/services/chain_verify.py" line="108" />
            <source>it names {number} as the previous record's invoice, but record {prev} is {actual}</source>
            <translation>indica {number} como factura del registro anterior, pero el registro {prev} es {actual}</translation>
        </message>
        <message>
            <location filename="../../app/services/chain_verify.py" line="111" />
            <source>it was generated ({at}) before record {prev} ({prev_at})</source>
            <translation>se generó ({at}) antes que el registro {prev} ({prev_at})</translation>
        </message>
        <message>
            <location filename="../../app/services/chain_verify.py" line="119" />
            <source>the invoice it records no longer exists</source>
            <translation>la factura que registra ya no existe</translation>
        </message>
        <message>
            <location filename="../../app/services/chain_verify.py" line="121" />
            <source>the invoice now reads {number} of {date}</source>
            <translation>la factura ahora figura como {number} de {date}</translation>
        </message>
        <message>
            <location filename="../../app/services/chain_verify.py" line="125" />
            <source>the invoice it cancels is not cancelled</source>
            <translation>la factura que anula no está anulada</translation>
        </message>
        <message>
            <location filename="../../app/services/chain_verify.py" line="128" />
            <source>the invoice it records is not posted</source>
            <translation>la factura que registra no está emitida</translation>
        </message>
        <message>
            <location filename="../../app/services/chain_verify.py" line="131" />
            <source>the invoice now totals {importe} (tax {cuota}); the record says {r_importe} (tax {r_cuota})</source>
            <translation>la factura ahora suma {importe} (cuota {cuota}); el registro dice {r_importe} (cuota {r_cuota})</translation>
        </message>
        <message>
            <location filename="../../app/services/chain_verify.py" line="144" />
            <source>it is posted but has no VERI*FACTU registration record</source>
            <translation>está emitida pero no tiene registro de alta VERI*FACTU</translation>
        </message>
        <message>
            <location filename="../../app/services/chain_verify.py" line="146" />
            <source>it is cancelled but its cancellation has no VERI*FACTU record</source>
            <translation>está anulada pero su anulación no tiene registro VERI*FACTU</translation>
        </message>
        <message>
            <location filename="../../app/services/common.py" line="27" />
            <location filename="../../app/services/common.py" line="24" />
            <location filename="../../app/services/payments.py" line="61" />
            <source>No {what} with id {id}.</source>
            <translation>No existe {what} con id {id}.</translation>
        </message>
        <message>
            <location filename="../../app/services/company.py" line="126" />
            <source>The company's details (legal name, NIF, address) are not set up yet: enter them before printing invoices.</source>
            <translation>Los datos de la empresa (razón social, NIF, dirección) aún no están configurados: introdúzcalos antes de imprimir facturas.</translation>
        </message>
        <message>
            <location filename="../../app/services/company.py" line="176" />
            <source>The limit is {low} EUR, or {high} EUR for the sectors art. 4.2 lists.</source>
            <translation>El límite es de {low} EUR, o {high} EUR para los sectores que enumera el art. 4.2.</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_billing.py" line="230" />
            <source>Choose the date to bill up to.</source>
            <translation>Elija la fecha hasta la que facturar.</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_billing.py" line="264" />
            <source>The contract has no price lines to bill.</source>
            <translation>El contrato no tiene líneas de precio que facturar.</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_billing.py" line="267" />
            <source>Contract {ref}: {title}</source>
            <translation>Contrato {ref}: {title}</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_documents.py" line="50" />
            <location filename="../../app/services/contracts.py" line="471" />
            <location filename="../../app/services/contracts.py" line="478" />
            <source>attachment</source>
            <translation>adjunto</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_documents.py" line="54" />
            <source>{name} is damaged in the database: its contents no longer match the checksum taken when it was attached. It was not opened.</source>
            <translation>{name} está dañado en la base de datos: su contenido ya no coincide con la suma de control tomada al adjuntarlo. No se ha abierto.</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_documents.py" line="66" />
            <source>The copy of {name} came out different from the stored file; it was not kept.</source>
            <translation>La copia de {name} no coincide con el archivo guardado; no se ha conservado.</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_documents.py" line="145" />
            <location filename="../../app/services/contract_documents.py" line="173" />
            <location filename="../../app/services/contract_lifecycle.py" line="305" />
            <location filename="../../app/services/contract_lifecycle.py" line="446" />
            <location filename="../../app/services/contracts.py" line="270" />
            <location filename="../../app/services/contracts.py" line="292" />
            <location filename="../../app/services/contracts.py" line="300" />
            <location filename="../../app/services/contracts.py" line="398" />
            <location filename="../../app/services/contracts.py" line="462" />
            <location filename="../../app/services/contracts.py" line="308" />
            <source>contract</source>
            <translation>contrato</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_lifecycle.py" line="164" />
            <source>Notice by {date}</source>
            <translation>Preaviso hasta el {date}</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_lifecycle.py" line="169" />
            <source>Ends in {n} days</source>
            <translation>Finaliza en {n} días</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_lifecycle.py" line="171" />
            <source>Ends tomorrow</source>
            <translation>Finaliza mañana</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_lifecycle.py" line="173" />
            <source>Ends today</source>
            <translation>Finaliza hoy</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_lifecycle.py" line="174" />
            <source>Ended yesterday</source>
            <translation>Finalizó ayer</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_lifecycle.py" line="174" />
            <source>Ended {n} days ago</source>
            <translation>Finalizó hace {n} días</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_lifecycle.py" line="311" />
            <location filename="../../app/services/invoices.py" line="141" />
            <source>a draft</source>
            <translation>en borrador</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_lifecycle.py" line="311" />
            <source>active</source>
            <translation>activo</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_lifecycle.py" line="312" />
            <source>under notice</source>
            <translation>en periodo de preaviso</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_lifecycle.py" line="312" />
            <source>ended</source>
            <translation>finalizado</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_lifecycle.py" line="313" />
            <source>terminated</source>
            <translation>rescindido</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_lifecycle.py" line="317" />
            <source>Cannot {what}: the contract is {status}.</source>
            <translation>No se puede {what}: el contrato está {status}.</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_lifecycle.py" line="329" />
            <source>activate</source>
            <translation>activar</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_lifecycle.py" line="353" />
            <source>give notice</source>
            <translation>dar el preaviso</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_lifecycle.py" line="357" />
            <source>The notice date cannot be in the future.</source>
            <translation>La fecha del preaviso no puede ser futura.</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_lifecycle.py" line="359" />
            <source>The notice date is before the contract starts ({date}).</source>
            <translation>La fecha del preaviso es anterior al inicio del contrato ({date}).</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_lifecycle.py" line="362" />
            <source>Too late for this period: notice was due by {deadline}, so the contract renews on {renews}. Give notice in the next period, or terminate it.</source>
            <translation>Demasiado tarde para este periodo: el preaviso debía darse hasta el {deadline}, así que el contrato se renueva el {renews}. Dé el preaviso en el próximo periodo o rescinda el contrato.</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_lifecycle.py" line="367" />
            <source>The contract already ended on {date}.</source>
            <translation>El contrato ya finalizó el {date}.</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_lifecycle.py" line="394" />
            <source>renew</source>
            <translation>renovar</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_lifecycle.py" line="396" />
            <source>An open-ended contract has no period to renew.</source>
            <translation>Un contrato indefinido no tiene periodo que renovar.</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_lifecycle.py" line="417" />
            <source>terminate</source>
            <translation>rescindir</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_lifecycle.py" line="419" />
            <source>The contract only starts on {date}.</source>
            <translation>El contrato no empieza hasta el {date}.</translation>
        </message>
        <message>
            <location filename="../../app/services/contract_lifecycle.py" line="421" />
            <source>The contract already ends on {date}: that is not an early end.</source>
            <translation>El contrato ya finaliza el {date}: eso no es una finalización anticipada.</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="131" />
            <location filename="../../app/services/invoice_drafts.py" line="144" />
            <location filename="../../app/services/invoice_drafts.py" line="175" />
            <location filename="../../app/services/lookups.py" line="64" />
            <location filename="../../app/services/lookups.py" line="48" />
            <location filename="../../app/services/validation.py" line="55" />
            <location filename="../../app/services/validation.py" line="93" />
            <location filename="../../app/services/validation.py" line="132" />
            <location filename="../../app/services/validation.py" line="152" />
            <location filename="../../app/services/validation.py" line="169" />
            <source>This field is required.</source>
            <translation>Este campo es obligatorio.</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="134" />
            <location filename="../../app/services/series.py" line="76" />
            <source>Not a whole number.</source>
            <translation>No es un número entero.</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="137" />
            <source>Must be between {low} and {high}.</source>
            <translation>Debe estar entre {low} y {high}.</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="166" />
            <source>A contract that renews automatically needs an end date.</source>
            <translation>Un contrato con renovación automática necesita fecha de fin.</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="168" />
            <source>Choose a billing frequency first.</source>
            <translation>Elija antes una periodicidad de facturación.</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="171" />
            <source>Choose the customer or supplier.</source>
            <translation>Elija el cliente o proveedor.</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="173" />
            <source>Only employment contracts name an employee.</source>
            <translation>Solo los contratos laborales indican un empleado.</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="176" />
            <source>Choose the employee.</source>
            <translation>Elija el empleado.</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="178" />
            <source>An employment contract names an employee, not a party.</source>
            <translation>Un contrato laboral indica un empleado, no un contacto.</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="190" />
            <location filename="../../app/services/parties.py" line="193" />
            <location filename="../../app/services/parties.py" line="210" />
            <location filename="../../app/services/parties.py" line="218" />
            <location filename="../../app/services/parties.py" line="226" />
            <location filename="../../app/services/stock.py" line="138" />
            <source>party</source>
            <translation>contacto</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="192" />
            <source>{name} is not a customer.</source>
            <translation>{name} no es cliente.</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="194" />
            <source>{name} is not a supplier.</source>
            <translation>{name} no es proveedor.</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="197" />
            <location filename="../../app/services/employee_documents.py" line="87" />
            <location filename="../../app/services/employees.py" line="222" />
            <location filename="../../app/services/employees.py" line="375" />
            <location filename="../../app/services/employees.py" line="383" />
            <location filename="../../app/services/employees.py" line="433" />
            <location filename="../../app/services/employees.py" line="451" />
            <location filename="../../app/services/employees.py" line="489" />
            <location filename="../../app/services/employees.py" line="353" />
            <location filename="../../app/services/employees.py" line="399" />
            <location filename="../../app/services/employees.py" line="392" />
            <location filename="../../app/services/hr_audit.py" line="56" />
            <location filename="../../app/services/leave.py" line="275" />
            <location filename="../../app/services/leave_days.py" line="169" />
            <location filename="../../app/services/leave_days.py" line="179" />
            <location filename="../../app/services/leave_lists.py" line="62" />
            <location filename="../../app/services/personal_data.py" line="128" />
            <location filename="../../app/services/personal_data.py" line="262" />
            <source>employee</source>
            <translation>empleado</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="201" />
            <location filename="../../app/services/products.py" line="177" />
            <location filename="../../app/services/products.py" line="189" />
            <location filename="../../app/services/products.py" line="198" />
            <location filename="../../app/services/products.py" line="213" />
            <location filename="../../app/services/stock.py" line="131" />
            <location filename="../../app/services/stock_rules.py" line="49" />
            <source>product</source>
            <translation>producto</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="221" />
            <location filename="../../app/services/contracts.py" line="485" />
            <source>(blocked)</source>
            <translation>(bloqueado)</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="238" />
            <source>Employment contracts are kept by HR staff.</source>
            <translation>Los contratos laborales los gestiona el personal de RR. HH.</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="274" />
            <source>The status changes with the Activate, Give notice, Renew and Terminate actions, not by editing the form.</source>
            <translation>El estado cambia con las acciones Activar, Dar preaviso, Renovar y Rescindir, no editando la ficha.</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="336" />
            <source>{name} is too large ({size} MB): at most {limit} MB.</source>
            <translation>{name} es demasiado grande ({size} MB): como máximo {limit} MB.</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="389" />
            <location filename="../../app/services/count_sheets.py" line="121" />
            <location filename="../../app/services/employee_documents.py" line="135" />
            <location filename="../../app/services/product_csv.py" line="186" />
            <location filename="../../app/services/product_csv.py" line="196" />
            <source>The file is empty.</source>
            <translation>El archivo está vacío.</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="407" />
            <source>Cannot read {name}: {reason}</source>
            <translation>No se puede leer {name}: {reason}</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="433" />
            <source>it does not exist (was it moved or deleted?).</source>
            <translation>no existe (¿se ha movido o eliminado?).</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="435" />
            <location filename="../../app/services/contracts.py" line="449" />
            <source>permission denied.</source>
            <translation>permiso denegado.</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="439" />
            <source>it is a folder, not a file.</source>
            <translation>es una carpeta, no un archivo.</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="441" />
            <source>it is not a regular file.</source>
            <translation>no es un archivo normal.</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="443" />
            <source>{name} is empty.</source>
            <translation>{name} está vacío.</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="490" />
            <source>Title</source>
            <translation>Título</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="493" />
            <location filename="../../app/services/count_lists.py" line="24" />
            <location filename="../../app/services/invoices.py" line="212" />
            <location filename="../../app/services/leave_lists.py" line="33" />
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="494" />
            <source>Start</source>
            <translation>Inicio</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="495" />
            <source>End</source>
            <translation>Fin</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="498" />
            <source>Attention</source>
            <translation>Aviso</translation>
        </message>
        <message>
            <location filename="../../app/services/contracts.py" line="499" />
            <source>Notice (days)</source>
            <translation>Preaviso (días)</translation>
        </message>
        <message>
            <location filename="../../app/services/corrections.py" line="58" />
            <location filename="../../app/services/corrections.py" line="121" />
            <location filename="../../app/services/invoice_documents.py" line="107" />
            <location filename="../../app/services/invoices.py" line="176" />
            <location filename="../../app/services/invoices.py" line="201" />
            <location filename="../../app/services/invoices.py" line="195" />
            <location filename="../../app/services/payments.py" line="141" />
            <location filename="../../app/services/payments.py" line="61" />
            <location filename="../../app/services/stock.py" line="139" />
            <source>invoice</source>
            <translation>factura</translation>
        </message>
        <message>
            <location filename="../../app/services/corrections.py" line="60" />
            <source>Only a posted invoice can be corrected by a credit note.</source>
            <translation>Solo una factura emitida se puede corregir con una factura rectificativa.</translation>
        </message>
        <message>
            <location filename="../../app/services/corrections.py" line="62" />
            <source>A credit note is not corrected by another credit note; issue a new invoice instead.</source>
            <translation>Una factura rectificativa no se corrige con otra rectificativa; emita una nueva factura.</translation>
        </message>
        <message>
            <location filename="../../app/services/corrections.py" line="71" />
            <source>That line is not on invoice {number}.</source>
            <translation>Esa línea no está en la factura {number}.</translation>
        </message>
        <message>
            <location filename="../../app/services/corrections.py" line="76" />
            <source>The invoice sold {sold} of this line.</source>
            <translation>La factura solo vendió {sold} de esta línea.</translation>
        </message>
        <message>
            <location filename="../../app/services/corrections.py" line="80" />
            <source>Choose at least one line to take back.</source>
            <translation>Elija al menos una línea que devolver.</translation>
        </message>
        <message>
            <location filename="../../app/services/corrections.py" line="124" />
            <source>A draft is not cancelled: delete it.</source>
            <translation>Un borrador no se anula: elimínelo.</translation>
        </message>
        <message>
            <location filename="../../app/services/corrections.py" line="126" />
            <source>Invoice {number} is already cancelled.</source>
            <translation>La factura {number} ya está anulada.</translation>
        </message>
        <message>
            <location filename="../../app/services/corrections.py" line="128" />
            <source>Invoice {number} has payments: refund them before cancelling it.</source>
            <translation>La factura {number} tiene cobros: devuélvalos antes de anularla.</translation>
        </message>
        <message>
            <location filename="../../app/services/corrections.py" line="141" />
            <source>Invoice {number} cancelled</source>
            <translation>Factura {number} anulada</translation>
        </message>
        <message>
            <location filename="../../app/services/count_common.py" line="57" />
            <location filename="../../app/services/count_common.py" line="66" />
            <location filename="../../app/services/count_common.py" line="73" />
            <source>No stock count with id {id}.</source>
            <translation>No existe recuento de inventario con id {id}.</translation>
        </message>
        <message>
            <location filename="../../app/services/count_common.py" line="79" />
            <source>Stock count {ref} is already posted; it cannot change.</source>
            <translation>El recuento de inventario {ref} ya está validado; no se puede modificar.</translation>
        </message>
        <message>
            <location filename="../../app/services/count_common.py" line="82" />
            <source>Stock count {ref} is cancelled; it cannot change.</source>
            <translation>El recuento de inventario {ref} está cancelado; no se puede modificar.</translation>
        </message>
        <message>
            <location filename="../../app/services/count_lists.py" line="22" />
            <location filename="../../app/services/invoices.py" line="209" />
            <location filename="../../app/services/stock.py" line="500" />
            <source>Date</source>
            <translation>Fecha</translation>
        </message>
        <message>
            <location filename="../../app/services/count_lists.py" line="30" />
            <source>Notes</source>
            <translation>Notas</translation>
        </message>
        <message>
            <location filename="../../app/services/count_lists.py" line="58" />
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <location filename="../../app/services/count_lists.py" line="62" />
            <location filename="../../app/services/count_sheets.py" line="44" />
            <location filename="../../app/services/departments.py" line="123" />
            <location filename="../../app/services/parties.py" line="231" />
            <location filename="../../app/services/products.py" line="252" />
            <location filename="../../app/services/products.py" line="382" />
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location filename="../../app/services/count_lists.py" line="66" />
            <source>Difference</source>
            <translation>Diferencia</translation>
        </message>
        <message>
            <location filename="../../app/services/count_lists.py" line="67" />
            <source>Adjusted</source>
            <translation>Ajustado</translation>
        </message>
        <message>
            <location filename="../../app/services/count_posting.py" line="57" />
            <source>Unknown choice {value!r}: skip or zero.</source>
            <translation>Opción desconocida {value!r}: use skip o zero.</translation>
        </message>
        <message>
            <location filename="../../app/services/count_posting.py" line="61" />
            <source>{n} lines of {ref} are not counted. Say what they mean: skip them (their stock stays as it is) or count them as zero.</source>
            <translation>Hay {n} líneas de {ref} sin contar. Indique qué significan: omitirlas (sus existencias no cambian) o contarlas como cero.</translation>
        </message>
        <message>
            <location filename="../../app/services/count_sheets.py" line="127" />
            <source>The first row must name a SKU column (sku, referencia, código or ean) and a counted column (counted, contado, recuento, cantidad).</source>
            <translation>La primera fila debe nombrar una columna de SKU (sku, referencia, código o ean) y una columna de cantidad contada (counted, contado, recuento, cantidad).</translation>
        </message>
        <message>
            <location filename="../../app/services/count_sheets.py" line="141" />
            <source>Line {line}: the SKU is empty.</source>
            <translation>Línea {line}: el SKU está vacío.</translation>
        </message>
        <message>
            <location filename="../../app/services/count_sheets.py" line="144" />
            <source>Line {line}: {code} is also on line {other}; give one counted quantity per product.</source>
            <translation>Línea {line}: {code} también está en la línea {other}; indique una sola cantidad contada por producto.</translation>
        </message>
        <message>
            <location filename="../../app/services/count_sheets.py" line="152" />
            <source>Line {line}, {code}: {message}</source>
            <translation>Línea {line}, {code}: {message}</translation>
        </message>
        <message>
            <location filename="../../app/services/count_sheets.py" line="169" />
            <source>No row of the file has a counted quantity.</source>
            <translation>Ninguna fila del archivo tiene una cantidad contada.</translation>
        </message>
        <message>
            <location filename="../../app/services/count_sheets.py" line="179" />
            <source>Line {line}: {message}</source>
            <translation>Línea {line}: {message}</translation>
        </message>
        <message>
            <location filename="../../app/services/departments.py" line="51" />
            <source>Code {code} is already used by another department.</source>
            <translation>El código {code} ya lo usa otro departamento.</translation>
        </message>
        <message>
            <location filename="../../app/services/departments.py" line="54" />
            <location filename="../../app/services/departments.py" line="89" />
            <location filename="../../app/services/departments.py" line="100" />
            <location filename="../../app/services/departments.py" line="108" />
            <location filename="../../app/services/departments.py" line="116" />
            <location filename="../../app/services/employees.py" line="215" />
            <location filename="../../app/services/leave_lists.py" line="62" />
            <source>department</source>
            <translation>departamento</translation>
        </message>
        <message>
            <location filename="../../app/services/departments.py" line="63" />
            <source>A department cannot sit under itself or one of its sub-departments.</source>
            <translation>Un departamento no puede depender de sí mismo ni de uno de sus subdepartamentos.</translation>
        </message>
        <message>
            <location filename="../../app/services/departments.py" line="124" />
            <source>Part of</source>
            <translation>Depende de</translation>
        </message>
        <message>
            <location filename="../../app/services/employee_documents.py" line="81" />
            <source>Only HR staff may see or change employee documents.</source>
            <translation>Solo el personal de RR. HH. puede ver o modificar los documentos de los empleados.</translation>
        </message>
        <message>
            <location filename="../../app/services/employee_documents.py" line="89" />
            <location filename="../../app/services/employees.py" line="297" />
            <source>{code}: this person's data is blocked; only an administrator can see it.</source>
            <translation>{code}: los datos de esta persona están bloqueados; solo un administrador puede verlos.</translation>
        </message>
        <message>
            <location filename="../../app/services/employee_documents.py" line="92" />
            <location filename="../../app/services/employees.py" line="305" />
            <source>{code}: this person's data is blocked; unblock it before changing it.</source>
            <translation>{code}: los datos de esta persona están bloqueados; desbloquéelos antes de modificarlos.</translation>
        </message>
        <message>
            <location filename="../../app/services/employee_documents.py" line="95" />
            <location filename="../../app/services/employees.py" line="308" />
            <source>{code}: this record was anonymised and cannot be changed.</source>
            <translation>{code}: este registro se anonimizó y no se puede modificar.</translation>
        </message>
        <message>
            <location filename="../../app/services/employee_documents.py" line="102" />
            <source>document</source>
            <translation>documento</translation>
        </message>
        <message>
            <location filename="../../app/services/employee_documents.py" line="227" />
            <source>{name} is damaged in the database: its contents no longer match the checksum taken when it was added. It was not opened.</source>
            <translation>{name} está dañado en la base de datos: su contenido ya no coincide con la suma de control tomada al añadirlo. No se ha abierto.</translation>
        </message>
        <message>
            <location filename="../../app/services/employee_documents.py" line="270" />
            <source>Give a whole number of days, 0 or more.</source>
            <translation>Indique un número entero de días, 0 o más.</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="153" />
            <location filename="../../app/services/parties.py" line="93" />
            <source>Use the two-letter country code, e.g. ES or FR.</source>
            <translation>Use el código de país de dos letras, p. ej. ES o FR.</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="175" />
            <source>The birth date is in the future.</source>
            <translation>La fecha de nacimiento es futura.</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="177" />
            <source>The hire date must be after the birth date.</source>
            <translation>La fecha de alta debe ser posterior a la fecha de nacimiento.</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="189" />
            <source>Only HR staff may see or change pay, IBAN and social security number.</source>
            <translation>Solo el personal de RR. HH. puede ver o modificar el salario, el IBAN y el número de la Seguridad Social.</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="200" />
            <source>Salary is paid in 12 or 14 payments a year.</source>
            <translation>El salario se paga en 12 o 14 pagas al año.</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="210" />
            <location filename="../../app/services/employees.py" line="284" />
            <source>The login {name} is already another employee's.</source>
            <translation>El usuario {name} ya pertenece a otro empleado.</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="220" />
            <source>An employee cannot be their own manager.</source>
            <translation>Un empleado no puede ser su propio responsable.</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="232" />
            <source>This would make the employee manage their own manager.</source>
            <translation>Con esto el empleado sería responsable de su propio responsable.</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="243" />
            <location filename="../../app/services/employees.py" line="281" />
            <source>Code {code} is already used by another employee.</source>
            <translation>El código {code} ya lo usa otro empleado.</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="287" />
            <source>No free employee code: give one.</source>
            <translation>No queda ningún código de empleado libre: indique uno.</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="397" />
            <source>Only HR staff may see pay, IBAN and social security number.</source>
            <translation>Solo el personal de RR. HH. puede ver el salario, el IBAN y el número de la Seguridad Social.</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="428" />
            <source>Only HR staff may block personal data.</source>
            <translation>Solo el personal de RR. HH. puede bloquear datos personales.</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="436" />
            <source>{code} is already blocked.</source>
            <translation>{code} ya está bloqueado.</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="438" />
            <source>{code} was anonymised: nothing is left to block.</source>
            <translation>{code} se anonimizó: no queda nada que bloquear.</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="449" />
            <source>Only an administrator may lift a block.</source>
            <translation>Solo un administrador puede levantar un bloqueo.</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="454" />
            <source>{code} is not blocked.</source>
            <translation>{code} no está bloqueado.</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="485" />
            <source>Only HR staff may anonymise personal data.</source>
            <translation>Solo el personal de RR. HH. puede anonimizar datos personales.</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="493" />
            <source>{code} is already anonymised.</source>
            <translation>{code} ya está anonimizado.</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="496" />
            <source>{code} is still employed: personal data is kept while they work here and {years} years after.</source>
            <translation>{code} sigue en plantilla: los datos personales se conservan mientras trabaje aquí y {years} años después.</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="499" />
            <source>{code} left on {end:%d/%m/%Y}; the data must be kept {years} years, until {until:%d/%m/%Y}.</source>
            <translation>{code} causó baja el {end:%d/%m/%Y}; los datos deben conservarse {years} años, hasta el {until:%d/%m/%Y}.</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="502" />
            <source>Anonymised</source>
            <translation>Anonimizado</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="521" />
            <source>Last name</source>
            <translation>Apellidos</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="522" />
            <source>First name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="525" />
            <source>Position</source>
            <translation>Cargo</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="526" />
            <location filename="../../app/services/parties.py" line="235" />
            <source>E-mail</source>
            <translation>Correo electrónico</translation>
        </message>
        <message>
            <location filename="../../app/services/employees.py" line="527" />
            <location filename="../../app/services/parties.py" line="236" />
            <source>Phone</source>
            <translation>Teléfono</translation>
        </message>
        <message>
            <location filename="../../app/services/export.py" line="90" />
            <source>Unknown export format {fmt}: use csv or xlsx.</source>
            <translation>Formato de exportación desconocido: {fmt}. Use csv o xlsx.</translation>
        </message>
        <message>
            <location filename="../../app/services/export.py" line="102" />
            <location filename="../../app/services/export.py" line="144" />
            <source>Export cancelled: nothing was saved.</source>
            <translation>Exportación cancelada: no se ha guardado nada.</translation>
        </message>
        <message>
            <location filename="../../app/services/export.py" line="114" />
            <source>Cannot write in {folder}: {error}</source>
            <translation>No se puede escribir en {folder}: {error}</translation>
        </message>
        <message>
            <location filename="../../app/services/export.py" line="124" />
            <source>{name} cannot be replaced: is it open in Excel? Close it and export again.</source>
            <translation>No se puede sustituir {name}: ¿está abierto en Excel? Ciérrelo y vuelva a exportar.</translation>
        </message>
        <message>
            <location filename="../../app/services/export.py" line="133" />
            <source>The list has {n} rows; an Excel sheet holds at most {max}. Export it as CSV, or narrow the list with the search box or a filter.</source>
            <translation>La lista tiene {n} filas; una hoja de Excel admite como máximo {max}. Expórtela como CSV o reduzca la lista con el cuadro de búsqueda o un filtro.</translation>
        </message>
        <message>
            <location filename="../../app/services/export.py" line="193" />
            <source>Yes</source>
            <translation>Sí</translation>
        </message>
        <message>
            <location filename="../../app/services/first_run.py" line="53" />
            <source>There is no default invoice series to number invoices in.</source>
            <translation>No hay una serie de facturas predeterminada en la que numerar las facturas.</translation>
        </message>
        <message>
            <location filename="../../app/services/first_run.py" line="88" />
            <source>The company is set up already: change it in File &gt; Company details.</source>
            <translation>La empresa ya está configurada: modifíquela en Archivo &gt; Datos de la empresa.</translation>
        </message>
        <message>
            <location filename="../../app/services/first_run.py" line="92" />
            <location filename="../../app/services/series.py" line="203" />
            <source>Number {n} is already used: the next number must be above it.</source>
            <translation>El número {n} ya está usado: el siguiente número debe ser mayor.</translation>
        </message>
        <message>
            <location filename="../../app/services/history.py" line="61" />
            <source>Only an administrator may read the history of changes.</source>
            <translation>Solo un administrador puede consultar el historial de cambios.</translation>
        </message>
        <message>
            <location filename="../../app/services/history.py" line="63" />
            <source>There is no history of {table}.</source>
            <translation>No hay historial de {table}.</translation>
        </message>
        <message>
            <location filename="../../app/services/history.py" line="67" />
            <source>This is not a record id: {value}</source>
            <translation>Esto no es un id de registro: {value}</translation>
        </message>
        <message>
            <location filename="../../app/services/hr_audit.py" line="54" />
            <source>Only HR staff may read the personal-data audit trail.</source>
            <translation>Solo el personal de RR. HH. puede consultar el registro de auditoría de datos personales.</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_documents.py" line="54" />
            <source>No invoice numbered {number}.</source>
            <translation>No hay ninguna factura con el número {number}.</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_documents.py" line="57" />
            <source>Invoice {number} is still a draft: post it before printing it.</source>
            <translation>La factura {number} sigue en borrador: emítala antes de imprimirla.</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_documents.py" line="68" />
            <source>The end date is before the start date.</source>
            <translation>La fecha de fin es anterior a la de inicio.</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_drafts.py" line="108" />
            <source>There is no default series for this kind of invoice: choose one.</source>
            <translation>No hay una serie predeterminada para este tipo de factura: elija una.</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_drafts.py" line="110" />
            <location filename="../../app/services/series.py" line="190" />
            <location filename="../../app/services/series.py" line="219" />
            <location filename="../../app/services/series.py" line="229" />
            <location filename="../../app/services/series.py" line="157" />
            <source>series</source>
            <translation>serie</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_drafts.py" line="112" />
            <source>Series {code} is not for this kind of invoice.</source>
            <translation>La serie {code} no es para este tipo de factura.</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_drafts.py" line="120" />
            <source>Only a credit note corrects another invoice.</source>
            <translation>Solo una factura rectificativa corrige otra factura.</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_drafts.py" line="122" />
            <source>Only a credit note has a correction reason.</source>
            <translation>Solo una factura rectificativa tiene motivo de rectificación.</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_drafts.py" line="126" />
            <source>Name the invoice this credit note corrects.</source>
            <translation>Indique la factura que corrige esta rectificativa.</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_drafts.py" line="131" />
            <source>Unknown invoice.</source>
            <translation>Factura desconocida.</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_drafts.py" line="135" />
            <source>Only a posted invoice can be corrected.</source>
            <translation>Solo se puede corregir una factura emitida.</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_drafts.py" line="138" />
            <source>R5 is the reason for correcting simplified invoices, and only for them.</source>
            <translation>R5 es el motivo para rectificar facturas simplificadas, y solo para ellas.</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_drafts.py" line="148" />
            <source>Unknown tax rate.</source>
            <translation>Tipo impositivo desconocido.</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_drafts.py" line="151" />
            <source>{name} is not an IVA rate: choose the line's IVA.</source>
            <translation>{name} no es un tipo de IVA: elija el IVA de la línea.</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_drafts.py" line="153" />
            <location filename="../../app/services/invoice_drafts.py" line="170" />
            <source>{name} is archived.</source>
            <translation>{name} está archivado.</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_drafts.py" line="168" />
            <source>Unknown product.</source>
            <translation>Producto desconocido.</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_drafts.py" line="179" />
            <source>Must not be zero.</source>
            <translation>No puede ser cero.</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_drafts.py" line="209" />
            <source>customer</source>
            <translation>cliente</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_drafts.py" line="211" />
            <source>A full invoice needs a customer.</source>
            <translation>Una factura completa necesita un cliente.</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_drafts.py" line="213" />
            <source>A credit note needs a customer.</source>
            <translation>Una factura rectificativa necesita un cliente.</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_drafts.py" line="215" />
            <source>A credit note goes to the customer of the invoice it corrects.</source>
            <translation>Una factura rectificativa va dirigida al cliente de la factura que corrige.</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_drafts.py" line="216" />
            <location filename="../../app/services/products.py" line="349" />
            <location filename="../../app/services/products.py" line="361" />
            <location filename="../../app/services/products.py" line="369" />
            <location filename="../../app/services/products.py" line="377" />
            <location filename="../../app/services/stock.py" line="136" />
            <location filename="../../app/services/stock_counts.py" line="165" />
            <location filename="../../app/services/stock_rules.py" line="52" />
            <source>warehouse</source>
            <translation>almacén</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_drafts.py" line="220" />
            <source>An invoice needs at least one line.</source>
            <translation>Una factura necesita al menos una línea.</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_drafts.py" line="222" />
            <source>At most {n} lines per invoice.</source>
            <translation>Como máximo {n} líneas por factura.</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_drafts.py" line="247" />
            <source>The amount of this line is too large.</source>
            <translation>El importe de esta línea es demasiado grande.</translation>
        </message>
        <message>
            <location filename="../../app/services/invoice_drafts.py" line="249" />
            <source>The invoice total is too large.</source>
            <translation>El total de la factura es demasiado grande.</translation>
        </message>
        <message>
            <location filename="../../app/services/invoices.py" line="142" />
            <location filename="../../app/services/leave.py" line="318" />
            <source>cancelled</source>
            <translation>anulada</translation>
        </message>
        <message>
            <location filename="../../app/services/invoices.py" line="149" />
            <source>Only a draft can be {doing}; this invoice is {status}. Correct it with a credit note.</source>
            <translation>Solo se puede {doing} un borrador; el estado de esta factura es {status}. Corríjala con una factura rectificativa.</translation>
        </message>
        <message>
            <location filename="../../app/services/invoices.py" line="178" />
            <source>changed</source>
            <translation>modificar</translation>
        </message>
        <message>
            <location filename="../../app/services/invoices.py" line="203" />
            <source>deleted</source>
            <translation>eliminar</translation>
        </message>
        <message>
            <location filename="../../app/services/invoices.py" line="216" />
            <source>Due</source>
            <translation>Vencimiento</translation>
        </message>
        <message>
            <location filename="../../app/services/invoices.py" line="268" />
            <source>Unknown id.</source>
            <translation>Id desconocido.</translation>
        </message>
        <message>
            <location filename="../../app/services/leave.py" line="118" />
            <source>Before the hire date ({date}).</source>
            <translation>Antes de la fecha de alta ({date}).</translation>
        </message>
        <message>
            <location filename="../../app/services/leave.py" line="120" />
            <source>After the employment ends ({date}).</source>
            <translation>Después de la fecha de baja ({date}).</translation>
        </message>
        <message>
            <location filename="../../app/services/leave.py" line="126" />
            <source>Overlaps this employee's other leave from {start} to {end}.</source>
            <translation>Se solapa con otra ausencia de este empleado del {start} al {end}.</translation>
        </message>
        <message>
            <location filename="../../app/services/leave.py" line="142" />
            <source>only {left} days left in {year}</source>
            <translation>solo quedan {left} días en {year}</translation>
        </message>
        <message>
            <location filename="../../app/services/leave.py" line="144" />
            <source>Beyond the vacation balance: {days} days asked, {text}.</source>
            <translation>Supera el saldo de vacaciones: se piden {days} días, {text}.</translation>
        </message>
        <message>
            <location filename="../../app/services/leave.py" line="147" />
            <source>{over} days beyond the vacation balance ({text}).</source>
            <translation>{over} días por encima del saldo de vacaciones ({text}).</translation>
        </message>
        <message>
            <location filename="../../app/services/leave.py" line="173" />
            <source>Also away from the same department: {who}.</source>
            <translation>También ausentes del mismo departamento: {who}.</translation>
        </message>
        <message>
            <location filename="../../app/services/leave.py" line="208" />
            <source>A half day starts and ends on the same day.</source>
            <translation>Una media jornada empieza y termina el mismo día.</translation>
        </message>
        <message>
            <location filename="../../app/services/leave.py" line="211" />
            <source>Only HR staff may record the reason of a sick leave.</source>
            <translation>Solo el personal de RR. HH. puede registrar el motivo de una baja por enfermedad.</translation>
        </message>
        <message>
            <location filename="../../app/services/leave.py" line="221" />
            <source>No working day in these dates: weekends and holidays do not count.</source>
            <translation>No hay ningún día laborable en estas fechas: los fines de semana y festivos no cuentan.</translation>
        </message>
        <message>
            <location filename="../../app/services/leave.py" line="255" />
            <source>Only HR staff may record who else decided.</source>
            <translation>Solo el personal de RR. HH. puede registrar quién más decidió.</translation>
        </message>
        <message>
            <location filename="../../app/services/leave.py" line="258" />
            <location filename="../../app/services/leave.py" line="293" />
            <source>leave request</source>
            <translation>solicitud de ausencia</translation>
        </message>
        <message>
            <location filename="../../app/services/leave.py" line="262" />
            <source>A {old} request cannot become {new}.</source>
            <translation>Una solicitud en estado {old} no puede pasar a {new}.</translation>
        </message>
        <message>
            <location filename="../../app/services/leave.py" line="271" />
            <source>Only HR staff or the employee's manager may decide this request.</source>
            <translation>Solo el personal de RR. HH. o el responsable del empleado pueden resolver esta solicitud.</translation>
        </message>
        <message>
            <location filename="../../app/services/leave.py" line="272" />
            <source>Only HR staff, the employee or their manager may cancel this request.</source>
            <translation>Solo el personal de RR. HH., el propio empleado o su responsable pueden cancelar esta solicitud.</translation>
        </message>
        <message>
            <location filename="../../app/services/leave.py" line="317" />
            <source>requested</source>
            <translation>pendiente</translation>
        </message>
        <message>
            <location filename="../../app/services/leave.py" line="317" />
            <source>approved</source>
            <translation>aprobada</translation>
        </message>
        <message>
            <location filename="../../app/services/leave.py" line="318" />
            <source>rejected</source>
            <translation>rechazada</translation>
        </message>
        <message>
            <location filename="../../app/services/leave_days.py" line="109" />
            <source>One request covers at most two years; ask for the rest in another one.</source>
            <translation>Una solicitud cubre como máximo dos años; pida el resto en otra.</translation>
        </message>
        <message>
            <location filename="../../app/services/leave_days.py" line="124" />
            <location filename="../../app/services/leave_days.py" line="140" />
            <source>Only HR staff may change the holiday calendar.</source>
            <translation>Solo el personal de RR. HH. puede modificar el calendario de festivos.</translation>
        </message>
        <message>
            <location filename="../../app/services/leave_days.py" line="130" />
            <source>{date:%d/%m/%Y} is already a holiday.</source>
            <translation>{date:%d/%m/%Y} ya es festivo.</translation>
        </message>
        <message>
            <location filename="../../app/services/leave_days.py" line="142" />
            <source>holiday</source>
            <translation>festivo</translation>
        </message>
        <message>
            <location filename="../../app/services/leave_days.py" line="159" />
            <source>Give a year between {first} and {last}.</source>
            <translation>Indique un año entre {first} y {last}.</translation>
        </message>
        <message>
            <location filename="../../app/services/leave_days.py" line="171" />
            <source>This employee's personal data has been anonymised.</source>
            <translation>Los datos personales de este empleado se han anonimizado.</translation>
        </message>
        <message>
            <location filename="../../app/services/leave_days.py" line="181" />
            <location filename="../../app/services/leave_days.py" line="173" />
            <source>This employee's personal data is blocked.</source>
            <translation>Los datos personales de este empleado están bloqueados.</translation>
        </message>
        <message>
            <location filename="../../app/services/leave_days.py" line="190" />
            <source>Only HR staff may set leave allowances.</source>
            <translation>Solo el personal de RR. HH. puede fijar las asignaciones de vacaciones.</translation>
        </message>
        <message>
            <location filename="../../app/services/leave_lists.py" line="29" />
            <location filename="../../app/sync/conflicts.py" line="41" />
            <source>Employee</source>
            <translation>Empleado</translation>
        </message>
        <message>
            <location filename="../../app/services/leave_lists.py" line="34" />
            <location filename="../../app/services/stock.py" line="504" />
            <source>From</source>
            <translation>Desde</translation>
        </message>
        <message>
            <location filename="../../app/services/leave_lists.py" line="35" />
            <location filename="../../app/services/stock.py" line="505" />
            <source>To</source>
            <translation>Hasta</translation>
        </message>
        <message>
            <location filename="../../app/services/leave_lists.py" line="36" />
            <source>Days</source>
            <translation>Días</translation>
        </message>
        <message>
            <location filename="../../app/services/leave_lists.py" line="63" />
            <location filename="../../app/services/lookups.py" line="53" />
            <source>Unknown {what}.</source>
            <translation>No existe ese registro ({what}).</translation>
        </message>
        <message>
            <location filename="../../app/services/leave_lists.py" line="72" />
            <location filename="../../app/services/validation.py" line="155" />
            <source>Not a date.</source>
            <translation>No es una fecha.</translation>
        </message>
        <message>
            <location filename="../../app/services/listing.py" line="123" />
            <source>Cannot sort by {key}.</source>
            <translation>No se puede ordenar por {key}.</translation>
        </message>
        <message>
            <location filename="../../app/services/listing.py" line="125" />
            <source>A page holds between 1 and 10,000 rows.</source>
            <translation>Una página contiene entre 1 y 10.000 filas.</translation>
        </message>
        <message>
            <location filename="../../app/services/listing.py" line="127" />
            <source>An offset cannot be negative.</source>
            <translation>Un desplazamiento no puede ser negativo.</translation>
        </message>
        <message>
            <location filename="../../app/services/logo.py" line="69" />
            <source>This file cannot be read: {reason}</source>
            <translation>No se puede leer este archivo: {reason}</translation>
        </message>
        <message>
            <location filename="../../app/services/logo.py" line="75" />
            <source>The logo file is {size} MB: it can be at most 2 MB.</source>
            <translation>El archivo del logotipo ocupa {size} MB: como máximo puede ocupar 2 MB.</translation>
        </message>
        <message>
            <location filename="../../app/services/logo.py" line="84" />
            <source>The logo must be a PNG or JPEG image.</source>
            <translation>El logotipo debe ser una imagen PNG o JPEG.</translation>
        </message>
        <message>
            <location filename="../../app/services/logo.py" line="90" />
            <source>This file is not a readable PNG or JPEG image.</source>
            <translation>Este archivo no es una imagen PNG o JPEG legible.</translation>
        </message>
        <message>
            <location filename="../../app/services/logo.py" line="93" />
            <source>The logo is {w} x {h} pixels: it needs at least {min} on each side.</source>
            <translation>El logotipo mide {w} x {h} píxeles: necesita al menos {min} por lado.</translation>
        </message>
        <message>
            <location filename="../../app/services/logo.py" line="97" />
            <source>The logo is {w} x {h} pixels: it can be at most {max} on each side.</source>
            <translation>El logotipo mide {w} x {h} píxeles: puede medir como máximo {max} por lado.</translation>
        </message>
        <message>
            <location filename="../../app/services/logo.py" line="101" />
            <source>The logo is {w} x {h} pixels: it would print as a thin line. It can be at most {ratio} times wider than tall, or taller than wide.</source>
            <translation>El logotipo mide {w} x {h} píxeles: se imprimiría como una línea fina. Puede ser como máximo {ratio} veces más ancho que alto, o más alto que ancho.</translation>
        </message>
        <message>
            <location filename="../../app/services/logo.py" line="108" />
            <source>This image is damaged (cut off or corrupt): save it again and pick the new file.</source>
            <translation>Esta imagen está dañada (cortada o corrupta): guárdela de nuevo y elija el archivo nuevo.</translation>
        </message>
        <message>
            <location filename="../../app/services/lookups.py" line="56" />
            <source>This {what} is archived; restore it first.</source>
            <translation>Este registro ({what}) está archivado; restáurelo primero.</translation>
        </message>
        <message>
            <location filename="../../app/services/lookups.py" line="69" />
            <source>Unknown tax rate: choose one of the IVA rates.</source>
            <translation>Tipo impositivo desconocido: elija uno de los tipos de IVA.</translation>
        </message>
        <message>
            <location filename="../../app/services/parties.py" line="115" />
            <source>A party is a customer, a supplier or both.</source>
            <translation>Un contacto es cliente, proveedor o ambos.</translation>
        </message>
        <message>
            <location filename="../../app/services/parties.py" line="117" />
            <source>A Spanish postal code has 5 digits.</source>
            <translation>Un código postal español tiene 5 dígitos.</translation>
        </message>
        <message>
            <location filename="../../app/services/parties.py" line="119" />
            <source>Unknown language {lang!r}.</source>
            <translation>Idioma desconocido {lang!r}.</translation>
        </message>
        <message>
            <location filename="../../app/services/parties.py" line="123" />
            <source>IRPF withholding is 15% or 7%.</source>
            <translation>La retención de IRPF es del 15% o del 7%.</translation>
        </message>
        <message>
            <location filename="../../app/services/parties.py" line="152" />
            <source>Code {code} is already used by another party.</source>
            <translation>El código {code} ya lo usa otro contacto.</translation>
        </message>
        <message>
            <location filename="../../app/services/parties.py" line="177" />
            <location filename="../../app/services/parties.py" line="195" />
            <source>payment term</source>
            <translation>plazo de pago</translation>
        </message>
        <message>
            <location filename="../../app/services/parties.py" line="232" />
            <source>Trade name</source>
            <translation>Nombre comercial</translation>
        </message>
        <message>
            <location filename="../../app/services/parties.py" line="234" />
            <location filename="../../app/services/products.py" line="383" />
            <source>City</source>
            <translation>Población</translation>
        </message>
        <message>
            <location filename="../../app/services/payments.py" line="80" />
            <source>A credit note settles the invoice it corrects when it is posted; it is not entered as a payment.</source>
            <translation>Una factura rectificativa liquida la factura que corrige al emitirse; no se registra como cobro.</translation>
        </message>
        <message>
            <location filename="../../app/services/payments.py" line="86" />
            <source>Payments are recorded on posted invoices only.</source>
            <translation>Los cobros solo se registran en facturas emitidas.</translation>
        </message>
        <message>
            <location filename="../../app/services/payments.py" line="90" />
            <source>Nothing is owed on this invoice.</source>
            <translation>Esta factura no tiene nada pendiente.</translation>
        </message>
        <message>
            <location filename="../../app/services/payments.py" line="93" />
            <source>Only {owed} is still owed on this invoice.</source>
            <translation>Solo quedan {owed} pendientes en esta factura.</translation>
        </message>
        <message>
            <location filename="../../app/services/personal_data.py" line="130" />
            <source>This employee's personal data is blocked: only an administrator may export it.</source>
            <translation>Los datos personales de este empleado están bloqueados: solo un administrador puede exportarlos.</translation>
        </message>
        <message>
            <location filename="../../app/services/personal_data.py" line="153" />
            <source>Only HR staff may export an employee's personal data.</source>
            <translation>Solo el personal de RR. HH. puede exportar los datos personales de un empleado.</translation>
        </message>
        <message>
            <location filename="../../app/services/personal_data.py" line="193" />
            <source>No employee with code {code!r}.</source>
            <translation>No hay ningún empleado con el código {code!r}.</translation>
        </message>
        <message>
            <location filename="../../app/services/posting.py" line="70" />
            <source>Fill in your company's name and NIF before posting.</source>
            <translation>Rellene el nombre y el NIF de su empresa antes de emitir.</translation>
        </message>
        <message>
            <location filename="../../app/services/posting.py" line="72" />
            <source>Fill in your company's full address before posting.</source>
            <translation>Rellene la dirección completa de su empresa antes de emitir.</translation>
        </message>
        <message>
            <location filename="../../app/services/posting.py" line="78" />
            <source>The customer has no NIF: a full invoice must show it.</source>
            <translation>El cliente no tiene NIF: una factura completa debe indicarlo.</translation>
        </message>
        <message>
            <location filename="../../app/services/posting.py" line="80" />
            <source>The customer has no address: a full invoice must show it.</source>
            <translation>El cliente no tiene dirección: una factura completa debe indicarla.</translation>
        </message>
        <message>
            <location filename="../../app/services/posting.py" line="84" />
            <source>A simplified invoice may total at most {limit} EUR with tax; this one totals {total}. Make it a full invoice.</source>
            <translation>Una factura simplificada puede sumar como máximo {limit} EUR con impuestos; esta suma {total}. Hágala factura completa.</translation>
        </message>
        <message>
            <location filename="../../app/services/posting.py" line="94" />
            <source>This credit note takes back more than is left of {number}: {left} EUR.</source>
            <translation>Esta factura rectificativa devuelve más de lo que queda de {number}: {left} EUR.</translation>
        </message>
        <message>
            <location filename="../../app/services/posting.py" line="105" />
            <source>Series {code} is already numbering {year}: an invoice dated in {old} can no longer be posted in it.</source>
            <translation>La serie {code} ya está numerando {year}: ya no se puede emitir en ella una factura con fecha de {old}.</translation>
        </message>
        <message>
            <location filename="../../app/services/posting.py" line="125" />
            <source>Series {code} is kept for the offline work of workstation {ws}: post this invoice in another series.</source>
            <translation>La serie {code} está reservada para el trabajo sin conexión del puesto {ws}: emita esta factura en otra serie.</translation>
        </message>
        <message>
            <location filename="../../app/services/posting.py" line="129" />
            <source>Series {code} is kept for workstation {ws}, not this computer: post this invoice in another series.</source>
            <translation>La serie {code} está reservada para el puesto {ws}, no para este equipo: emita esta factura en otra serie.</translation>
        </message>
        <message>
            <location filename="../../app/services/posting.py" line="147" />
            <source>You are working offline: this draft is checked and will be posted, with the next number of its series, when this computer syncs with the server. To number it now, post it in the series kept for this computer.</source>
            <translation>Está trabajando sin conexión: este borrador está revisado y se emitirá, con el siguiente número de su serie, cuando este equipo se sincronice con el servidor. Para numerarlo ahora, emítalo en la serie reservada para este equipo.</translation>
        </message>
        <message>
            <location filename="../../app/services/posting.py" line="173" />
            <location filename="../../app/services/posting.py" line="184" />
            <source>This invoice no longer exists.</source>
            <translation>Esta factura ya no existe.</translation>
        </message>
        <message>
            <location filename="../../app/services/posting.py" line="187" />
            <source>Only a draft can be posted; this invoice is already {status}.</source>
            <translation>Solo se puede emitir un borrador; el estado de esta factura ya es {status}.</translation>
        </message>
        <message>
            <location filename="../../app/services/posting.py" line="195" />
            <source>The invoice changed series while posting; post it again.</source>
            <translation>La factura cambió de serie mientras se emitía; vuelva a emitirla.</translation>
        </message>
        <message>
            <location filename="../../app/services/posting.py" line="206" />
            <source>Invoices of series {code} must be numbered in date order: the last one posted is dated {date}.</source>
            <translation>Las facturas de la serie {code} deben numerarse por orden de fecha: la última emitida tiene fecha {date}.</translation>
        </message>
        <message>
            <location filename="../../app/services/posting.py" line="264" />
            <source>Warehouse {code} is archived; choose another one.</source>
            <translation>El almacén {code} está archivado; elija otro.</translation>
        </message>
        <message>
            <location filename="../../app/services/posting.py" line="270" />
            <source>This invoice sells stocked products but there is no warehouse: create one in Inventory, or untick "Moves stock".</source>
            <translation>Esta factura vende productos con existencias pero no hay ningún almacén: cree uno en Inventario o desmarque "Mueve existencias".</translation>
        </message>
        <message>
            <location filename="../../app/services/product_csv.py" line="52" />
            <source>name</source>
            <translation>nombre</translation>
        </message>
        <message>
            <location filename="../../app/services/product_csv.py" line="52" />
            <source>barcode</source>
            <translation>código de barras</translation>
        </message>
        <message>
            <location filename="../../app/services/product_csv.py" line="52" />
            <source>category</source>
            <translation>categoría</translation>
        </message>
        <message>
            <location filename="../../app/services/product_csv.py" line="53" />
            <source>unit</source>
            <translation>unidad</translation>
        </message>
        <message>
            <location filename="../../app/services/product_csv.py" line="53" />
            <source>kind</source>
            <translation>tipo</translation>
        </message>
        <message>
            <location filename="../../app/services/product_csv.py" line="53" />
            <source>price</source>
            <translation>precio</translation>
        </message>
        <message>
            <location filename="../../app/services/product_csv.py" line="53" />
            <source>cost</source>
            <translation>coste</translation>
        </message>
        <message>
            <location filename="../../app/services/product_csv.py" line="54" />
            <source>row</source>
            <translation>fila</translation>
        </message>
        <message>
            <location filename="../../app/services/product_csv.py" line="54" />
            <source>file</source>
            <translation>archivo</translation>
        </message>
        <message>
            <location filename="../../app/services/product_csv.py" line="65" />
            <source>Line {line}, {column}: {message}</source>
            <translation>Línea {line}, {column}: {message}</translation>
        </message>
        <message>
            <location filename="../../app/services/product_csv.py" line="115" />
            <source>Not a number: {text}</source>
            <translation>No es un número: {text}</translation>
        </message>
        <message>
            <location filename="../../app/services/product_csv.py" line="147" />
            <source>The file is not text in UTF-8 or Windows-1252: save it from the spreadsheet as CSV (UTF-8).</source>
            <translation>El archivo no es texto en UTF-8 ni en Windows-1252: guárdelo desde la hoja de cálculo como CSV (UTF-8).</translation>
        </message>
        <message>
            <location filename="../../app/services/product_csv.py" line="171" />
            <source>This is an Excel workbook, not a CSV file: in Excel choose File &gt; Save as &gt; CSV, then import that.</source>
            <translation>Esto es un libro de Excel, no un archivo CSV: en Excel elija Archivo &gt; Guardar como &gt; CSV e importe ese archivo.</translation>
        </message>
        <message>
            <location filename="../../app/services/product_csv.py" line="192" />
            <source>The file cannot be read as CSV: {error}</source>
            <translation>El archivo no se puede leer como CSV: {error}</translation>
        </message>
        <message>
            <location filename="../../app/services/product_csv.py" line="211" />
            <source>a tab</source>
            <translation>un tabulador</translation>
        </message>
        <message>
            <location filename="../../app/services/product_csv.py" line="212" />
            <source>This line has {n} cells and the header {m}: a value holding the separator {sep} must be in quotes.</source>
            <translation>Esta línea tiene {n} celdas y la cabecera {m}: un valor que contenga el separador {sep} debe ir entre comillas.</translation>
        </message>
        <message>
            <location filename="../../app/services/product_csv.py" line="236" />
            <source>Columns {a} and {b} both hold the {what}: keep one.</source>
            <translation>Las columnas {a} y {b} contienen ambas el dato «{what}»: deje solo una.</translation>
        </message>
        <message>
            <location filename="../../app/services/product_csv.py" line="243" />
            <source> and </source>
            <translation> y </translation>
        </message>
        <message>
            <location filename="../../app/services/product_csv.py" line="243" />
            <source>{what} (a column named {names})</source>
            <translation>{what} (una columna llamada {names})</translation>
        </message>
        <message>
            <location filename="../../app/services/product_csv.py" line="245" />
            <source>none</source>
            <translation>ninguna</translation>
        </message>
        <message>
            <location filename="../../app/services/product_csv.py" line="246" />
            <source>The file has no column for {wanted}. Columns found: {found}.</source>
            <translation>El archivo no tiene columna de {wanted}. Columnas encontradas: {found}.</translation>
        </message>
        <message>
            <location filename="../../app/services/product_import.py" line="162" />
            <location filename="../../app/services/product_import.py" line="287" />
            <source>Cancelled: nothing was imported.</source>
            <translation>Cancelado: no se ha importado nada.</translation>
        </message>
        <message>
            <location filename="../../app/services/product_import.py" line="165" />
            <source>Someone else added or changed products during the import; nothing was imported. Import the file again.</source>
            <translation>Otra persona añadió o modificó productos durante la importación; no se ha importado nada. Vuelva a importar el archivo.</translation>
        </message>
        <message>
            <location filename="../../app/services/product_import.py" line="172" />
            <source>Choose error or update for products that already exist.</source>
            <translation>Elija error o update para los productos que ya existen.</translation>
        </message>
        <message>
            <location filename="../../app/services/product_import.py" line="210" />
            <source>Not an IVA rate: {text}. Write the percentage, e.g. 21.</source>
            <translation>No es un tipo de IVA: {text}. Escriba el porcentaje, p. ej. 21.</translation>
        </message>
        <message>
            <location filename="../../app/services/product_import.py" line="221" />
            <source>No IVA rate of {text}%: use one of {known}.</source>
            <translation>No hay ningún tipo de IVA del {text}%: use uno de {known}.</translation>
        </message>
        <message>
            <location filename="../../app/services/product_import.py" line="223" />
            <source>Several IVA rates are {text}%: write the code, one of {codes}.</source>
            <translation>Hay varios tipos de IVA del {text}%: escriba el código, uno de {codes}.</translation>
        </message>
        <message>
            <location filename="../../app/services/product_import.py" line="245" />
            <source>Unknown kind {text}: write producto or servicio.</source>
            <translation>Tipo desconocido {text}: escriba producto o servicio.</translation>
        </message>
        <message>
            <location filename="../../app/services/product_import.py" line="250" />
            <source>Excel turned this barcode into a number ({text}): format the column as text before saving the CSV.</source>
            <translation>Excel convirtió este código de barras en un número ({text}): dé formato de texto a la columna antes de guardar el CSV.</translation>
        </message>
        <message>
            <location filename="../../app/services/product_import.py" line="295" />
            <source>SKU {sku} already exists.</source>
            <translation>El SKU {sku} ya existe.</translation>
        </message>
        <message>
            <location filename="../../app/services/product_import.py" line="297" />
            <source>SKU {sku} belongs to an archived product; restore it first.</source>
            <translation>El SKU {sku} pertenece a un producto archivado; restáurelo primero.</translation>
        </message>
        <message>
            <location filename="../../app/services/product_import.py" line="329" />
            <source>SKU {value} is also on line {lines}.</source>
            <translation>El SKU {value} también está en la línea {lines}.</translation>
        </message>
        <message>
            <location filename="../../app/services/product_import.py" line="329" />
            <source>Barcode {value} is also on line {lines}.</source>
            <translation>El código de barras {value} también está en la línea {lines}.</translation>
        </message>
        <message>
            <location filename="../../app/services/product_labels.py" line="29" />
            <location filename="../../app/services/product_labels.py" line="38" />
            <source>No product with id {id}.</source>
            <translation>No existe producto con id {id}.</translation>
        </message>
        <message>
            <location filename="../../app/services/products.py" line="133" />
            <source>SKU {sku} is already used by another product.</source>
            <translation>El SKU {sku} ya lo usa otro producto.</translation>
        </message>
        <message>
            <location filename="../../app/services/products.py" line="144" />
            <source>Barcode {ean} is already used by another product.</source>
            <translation>El código de barras {ean} ya lo usa otro producto.</translation>
        </message>
        <message>
            <location filename="../../app/services/products.py" line="148" />
            <source>This product has stock moves; it cannot become a service.</source>
            <translation>Este producto tiene movimientos de existencias; no puede convertirse en servicio.</translation>
        </message>
        <message>
            <location filename="../../app/services/products.py" line="204" />
            <source>Barcode {ean} is now used by another product.</source>
            <translation>El código de barras {ean} ya lo usa ahora otro producto.</translation>
        </message>
        <message>
            <location filename="../../app/services/products.py" line="253" />
            <source>Category</source>
            <translation>Categoría</translation>
        </message>
        <message>
            <location filename="../../app/services/products.py" line="256" />
            <source>Price</source>
            <translation>Precio</translation>
        </message>
        <message>
            <location filename="../../app/services/products.py" line="257" />
            <source>Cost</source>
            <translation>Coste</translation>
        </message>
        <message>
            <location filename="../../app/services/products.py" line="260" />
            <source>On hand</source>
            <translation>Existencias</translation>
        </message>
        <message>
            <location filename="../../app/services/products.py" line="263" />
            <source>To order</source>
            <translation>A pedir</translation>
        </message>
        <message>
            <location filename="../../app/services/products.py" line="319" />
            <source>Code {code} is already used by another warehouse.</source>
            <translation>El código {code} ya lo usa otro almacén.</translation>
        </message>
        <message>
            <location filename="../../app/services/products.py" line="384" />
            <source>Default</source>
            <translation>Predeterminado</translation>
        </message>
        <message>
            <location filename="../../app/services/series.py" line="70" />
            <source>A code has no spaces.</source>
            <translation>Un código no lleva espacios.</translation>
        </message>
        <message>
            <location filename="../../app/services/series.py" line="73" />
            <source>The prefix is printed in the invoice number: no spaces.</source>
            <translation>El prefijo se imprime en el número de factura: sin espacios.</translation>
        </message>
        <message>
            <location filename="../../app/services/series.py" line="97" />
            <source>Code {code} is already used by another series.</source>
            <translation>El código {code} ya lo usa otra serie.</translation>
        </message>
        <message>
            <location filename="../../app/services/series.py" line="119" />
            <source>That workstation does not exist: a computer gets its number when it first makes its offline copy.</source>
            <translation>Ese puesto no existe: un equipo recibe su número cuando crea por primera vez su copia sin conexión.</translation>
        </message>
        <message>
            <location filename="../../app/services/series.py" line="122" />
            <source>A series kept for workstation {n} cannot be the default for everyone's new invoices.</source>
            <translation>Una serie reservada para el puesto {n} no puede ser la predeterminada para las facturas nuevas de todos.</translation>
        </message>
        <message>
            <location filename="../../app/services/series.py" line="198" />
            <source>This series already holds invoices: its kind cannot change.</source>
            <translation>Esta serie ya contiene facturas: su tipo no puede cambiar.</translation>
        </message>
        <message>
            <location filename="../../app/services/series.py" line="200" />
            <source>Make another series the default of its kind first.</source>
            <translation>Primero haga predeterminada de su tipo otra serie.</translation>
        </message>
        <message>
            <location filename="../../app/services/series.py" line="205" />
            <source>Make another series the default instead.</source>
            <translation>Haga predeterminada otra serie en su lugar.</translation>
        </message>
        <message>
            <location filename="../../app/services/series.py" line="221" />
            <source>Make another series the default before archiving this one.</source>
            <translation>Haga predeterminada otra serie antes de archivar esta.</translation>
        </message>
        <message>
            <location filename="../../app/services/series.py" line="247" />
            <source>There is no series {code}.</source>
            <translation>No existe la serie {code}.</translation>
        </message>
        <message>
            <location filename="../../app/services/series.py" line="252" />
            <source>There is no workstation {n}: a computer gets its number when it first makes its offline copy.</source>
            <translation>No existe el puesto {n}: un equipo recibe su número cuando crea por primera vez su copia sin conexión.</translation>
        </message>
        <message>
            <location filename="../../app/services/stock.py" line="101" />
            <source>A receipt goes into a warehouse: choose it.</source>
            <translation>Una entrada va a un almacén: elíjalo.</translation>
        </message>
        <message>
            <location filename="../../app/services/stock.py" line="103" />
            <source>A receipt comes from outside: leave the source empty.</source>
            <translation>Una entrada viene de fuera: deje vacío el origen.</translation>
        </message>
        <message>
            <location filename="../../app/services/stock.py" line="106" />
            <source>A delivery leaves a warehouse: choose it.</source>
            <translation>Una salida sale de un almacén: elíjalo.</translation>
        </message>
        <message>
            <location filename="../../app/services/stock.py" line="108" />
            <source>A delivery goes outside: leave the destination empty.</source>
            <translation>Una salida va fuera: deje vacío el destino.</translation>
        </message>
        <message>
            <location filename="../../app/services/stock.py" line="111" />
            <source>An adjustment adds to one warehouse or takes from one: choose exactly one.</source>
            <translation>Un ajuste suma a un almacén o resta de uno: elija exactamente uno.</translation>
        </message>
        <message>
            <location filename="../../app/services/stock.py" line="114" />
            <source>A transfer needs the warehouse it leaves.</source>
            <translation>Un traspaso necesita el almacén del que sale.</translation>
        </message>
        <message>
            <location filename="../../app/services/stock.py" line="116" />
            <source>A transfer needs the warehouse it goes to.</source>
            <translation>Un traspaso necesita el almacén al que va.</translation>
        </message>
        <message>
            <location filename="../../app/services/stock.py" line="118" />
            <source>A transfer goes to a different warehouse.</source>
            <translation>Un traspaso va a un almacén distinto.</translation>
        </message>
        <message>
            <location filename="../../app/services/stock.py" line="133" />
            <location filename="../../app/services/stock_counts.py" line="390" />
            <location filename="../../app/services/stock_counts.py" line="339" />
            <location filename="../../app/services/stock_rules.py" line="51" />
            <source>{name} is a service: services have no stock.</source>
            <translation>{name} es un servicio: los servicios no tienen existencias.</translation>
        </message>
        <message>
            <location filename="../../app/services/stock.py" line="291" />
            <source>Not enough stock: {what}. The company does not allow negative stock.</source>
            <translation>No hay existencias suficientes: {what}. La empresa no permite existencias negativas.</translation>
        </message>
        <message>
            <location filename="../../app/services/stock.py" line="345" />
            <location filename="../../app/services/stock.py" line="371" />
            <source>stock move</source>
            <translation>movimiento de existencias</translation>
        </message>
        <message>
            <location filename="../../app/services/stock.py" line="347" />
            <source>This move is itself a reversal; record a new move instead.</source>
            <translation>Este movimiento ya es una reversión; registre un movimiento nuevo.</translation>
        </message>
        <message>
            <location filename="../../app/services/stock.py" line="349" />
            <source>This move has already been reversed.</source>
            <translation>Este movimiento ya se ha revertido.</translation>
        </message>
        <message>
            <location filename="../../app/services/stock.py" line="507" />
            <source>Unit cost</source>
            <translation>Coste unitario</translation>
        </message>
        <message>
            <location filename="../../app/services/stock_counts.py" line="175" />
            <source>No product of {warehouse} matches: nothing to count.</source>
            <translation>Ningún producto de {warehouse} coincide: no hay nada que contar.</translation>
        </message>
        <message>
            <location filename="../../app/services/stock_counts.py" line="199" />
            <location filename="../../app/services/stock_counts.py" line="202" />
            <location filename="../../app/services/validation.py" line="137" />
            <source>Not a number.</source>
            <translation>No es un número.</translation>
        </message>
        <message>
            <location filename="../../app/services/stock_counts.py" line="204" />
            <source>A counted quantity cannot be negative.</source>
            <translation>Una cantidad contada no puede ser negativa.</translation>
        </message>
        <message>
            <location filename="../../app/services/stock_counts.py" line="206" />
            <location filename="../../app/services/validation.py" line="146" />
            <source>At most {n} decimals.</source>
            <translation>Como máximo {n} decimales.</translation>
        </message>
        <message>
            <location filename="../../app/services/stock_counts.py" line="334" />
            <source>{code}: not a line of this count.</source>
            <translation>{code}: no es una línea de este recuento.</translation>
        </message>
        <message>
            <location filename="../../app/services/stock_counts.py" line="336" />
            <source>{code}: no product has this SKU or barcode.</source>
            <translation>{code}: ningún producto tiene este SKU o código de barras.</translation>
        </message>
        <message>
            <location filename="../../app/services/stock_rules.py" line="44" />
            <source>The reorder target must not be below the reorder point.</source>
            <translation>El objetivo de reposición no puede ser inferior al punto de pedido.</translation>
        </message>
        <message>
            <location filename="../../app/services/stock_rules.py" line="46" />
            <source>Give the stock level at which to reorder up to the target.</source>
            <translation>Indique el nivel de existencias al que reponer hasta el objetivo.</translation>
        </message>
        <message>
            <location filename="../../app/services/validation.py" line="60" />
            <source>Too long: at most {n} characters.</source>
            <translation>Demasiado largo: como máximo {n} caracteres.</translation>
        </message>
        <message>
            <location filename="../../app/services/validation.py" line="71" />
            <source>Contains a NUL character (an invisible control code, often pasted from another program), which cannot be stored: remove it.</source>
            <translation>Contiene un carácter NUL (un código de control invisible, a menudo pegado desde otro programa) que no se puede guardar: elimínelo.</translation>
        </message>
        <message>
            <location filename="../../app/services/validation.py" line="75" />
            <source>Contains a character that is not valid text and cannot be stored: retype it.</source>
            <translation>Contiene un carácter que no es texto válido y no se puede guardar: vuelva a escribirlo.</translation>
        </message>
        <message>
            <location filename="../../app/services/validation.py" line="85" />
            <source>Not a valid e-mail address.</source>
            <translation>No es una dirección de correo electrónico válida.</translation>
        </message>
        <message>
            <location filename="../../app/services/validation.py" line="140" />
            <source>Must be greater than zero.</source>
            <translation>Debe ser mayor que cero.</translation>
        </message>
        <message>
            <location filename="../../app/services/validation.py" line="142" />
            <source>Must be at least {v}.</source>
            <translation>Debe ser como mínimo {v}.</translation>
        </message>
        <message>
            <location filename="../../app/services/validation.py" line="144" />
            <source>Must be at most {v}.</source>
            <translation>Debe ser como máximo {v}.</translation>
        </message>
        <message>
            <location filename="../../app/services/validation.py" line="161" />
            <source>the hire date</source>
            <translation>la fecha de alta</translation>
        </message>
        <message>
            <location filename="../../app/services/validation.py" line="161" />
            <source>the start date</source>
            <translation>la fecha de inicio</translation>
        </message>
        <message>
            <location filename="../../app/services/validation.py" line="161" />
            <source>the start</source>
            <translation>el inicio</translation>
        </message>
        <message>
            <location filename="../../app/services/validation.py" line="162" />
            <source>the issue date</source>
            <translation>la fecha de expedición</translation>
        </message>
        <message>
            <location filename="../../app/services/validation.py" line="163" />
            <source>Must not be before {field}.</source>
            <translation>No puede ser anterior a {field}.</translation>
        </message>
        <message>
            <location filename="../../app/services/validation.py" line="174" />
            <source>Unknown value {value!r}.</source>
            <translation>Valor desconocido {value!r}.</translation>
        </message>
        <message>
            <location filename="../../app/sync/conflicts.py" line="36" />
            <source>Customer or supplier</source>
            <translation>Cliente o proveedor</translation>
        </message>
        <message>
            <location filename="../../app/sync/conflicts.py" line="36" />
            <source>Address</source>
            <translation>Dirección</translation>
        </message>
        <message>
            <location filename="../../app/sync/conflicts.py" line="37" />
            <source>Stock move</source>
            <translation>Movimiento de existencias</translation>
        </message>
        <message>
            <location filename="../../app/sync/conflicts.py" line="37" />
            <source>Reorder rule</source>
            <translation>Regla de reposición</translation>
        </message>
        <message>
            <location filename="../../app/sync/conflicts.py" line="38" />
            <source>Stock count</source>
            <translation>Recuento de inventario</translation>
        </message>
        <message>
            <location filename="../../app/sync/conflicts.py" line="38" />
            <source>Stock count line</source>
            <translation>Línea de recuento</translation>
        </message>
        <message>
            <location filename="../../app/sync/conflicts.py" line="39" />
            <source>Invoice line</source>
            <translation>Línea de factura</translation>
        </message>
        <message>
            <location filename="../../app/sync/conflicts.py" line="39" />
            <source>Invoice series</source>
            <translation>Serie de facturas</translation>
        </message>
        <message>
            <location filename="../../app/sync/conflicts.py" line="39" />
            <source>Payment</source>
            <translation>Cobro</translation>
        </message>
        <message>
            <location filename="../../app/sync/conflicts.py" line="40" />
            <source>Contract line</source>
            <translation>Línea de contrato</translation>
        </message>
        <message>
            <location filename="../../app/sync/conflicts.py" line="40" />
            <source>Contract event</source>
            <translation>Evento de contrato</translation>
        </message>
        <message>
            <location filename="../../app/sync/conflicts.py" line="41" />
            <source>Contract attachment</source>
            <translation>Adjunto de contrato</translation>
        </message>
        <message>
            <location filename="../../app/sync/conflicts.py" line="42" />
            <source>Leave request</source>
            <translation>Solicitud de ausencia</translation>
        </message>
        <message>
            <location filename="../../app/sync/conflicts.py" line="42" />
            <source>Leave allowance</source>
            <translation>Asignación de vacaciones</translation>
        </message>
        <message>
            <location filename="../../app/sync/conflicts.py" line="42" />
            <source>Holiday</source>
            <translation>Festivo</translation>
        </message>
        <message>
            <location filename="../../app/sync/conflicts.py" line="43" />
            <source>Employee document</source>
            <translation>Documento de empleado</translation>
        </message>
        <message>
            <location filename="../../app/sync/conflicts.py" line="43" />
            <source>Company details</source>
            <translation>Datos de la empresa</translation>
        </message>
        <message>
            <location filename="../../app/sync/conflicts.py" line="96" />
            <source>{title} {name} (no longer on this computer)</source>
            <translation>{title} {name} (ya no está en este equipo)</translation>
        </message>
        <message>
            <location filename="../../app/sync/conflicts.py" line="140" />
            <location filename="../../app/sync/conflicts.py" line="161" />
            <source>This conflict was already settled.</source>
            <translation>Este conflicto ya se resolvió.</translation>
        </message>
        <message>
            <location filename="../../app/sync/conflicts.py" line="164" />
            <source>This change cannot be applied field by field: export it, or enter it again by hand.</source>
            <translation>Este cambio no se puede aplicar campo a campo: expórtelo o vuelva a introducirlo a mano.</translation>
        </message>
        <message>
            <location filename="../../app/sync/conflicts.py" line="168" />
            <source>A file cannot be restored from the inbox: attach it again.</source>
            <translation>Un archivo no se puede restaurar desde la bandeja de entrada: adjúntelo de nuevo.</translation>
        </message>
        <message>
            <location filename="../../app/sync/conflicts.py" line="176" />
            <source>{record} is no longer on this computer.</source>
            <translation>{record} ya no está en este equipo.</translation>
        </message>
        <message>
            <location filename="../../app/sync/link.py" line="70" />
            <source>This computer's offline copy is {owner}'s, not {user}'s: each login keeps its own. Log in to the server as {user} to make yours.</source>
            <translation>La copia sin conexión de este equipo es de {owner}, no de {user}: cada usuario tiene la suya. Inicie sesión en el servidor como {user} para crear la suya.</translation>
        </message>
        <message>
            <location filename="../../app/sync/link.py" line="74" />
            <source>This computer's offline copy is of the database {theirs}, not {database}. Log in to the server to make a fresh one.</source>
            <translation>La copia sin conexión de este equipo es de la base de datos {theirs}, no de {database}. Inicie sesión en el servidor para crear una nueva.</translation>
        </message>
        <message>
            <location filename="../../app/sync/link.py" line="167" />
            <source>Trastienda now works on this computer's offline copy.</source>
            <translation>Trastienda trabaja ahora con la copia sin conexión de este equipo.</translation>
        </message>
        <message>
            <location filename="../../app/sync/recover.py" line="75" />
            <source>The offline copy {path} cannot be read, so it may hold unsynced changes: save what can be read of it in the same command, with `python main.py --profile NAME sync --fresh --export FILE`.</source>
            <translation>La copia sin conexión {path} no se puede leer, así que puede contener cambios sin sincronizar: guarde lo que se pueda leer de ella en el mismo comando, con `python main.py --profile NAME sync --fresh --export FILE`.</translation>
        </message>
        <message>
            <location filename="../../app/sync/recover.py" line="80" />
            <source>The offline copy {path} holds {changes} unsynced changes and {conflicts} open conflicts that a fresh copy would not have: save them in the same command, with `python main.py --profile NAME sync --fresh --export FILE`.</source>
            <translation>La copia sin conexión {path} contiene {changes} cambios sin sincronizar y {conflicts} conflictos pendientes que una copia nueva no tendría: guárdelos en el mismo comando, con `python main.py --profile NAME sync --fresh --export FILE`.</translation>
        </message>
        <message>
            <location filename="../../app/sync/recover.py" line="90" />
            <source>There is no offline copy on this computer ({path}): nothing to export.</source>
            <translation>No hay ninguna copia sin conexión en este equipo ({path}): no hay nada que exportar.</translation>
        </message>
        <message>
            <location filename="../../app/sync/recover.py" line="93" />
            <source>{file} exists already: give a new file name, so that no earlier export is overwritten.</source>
            <translation>{file} ya existe: indique un nombre de archivo nuevo para no sobrescribir ninguna exportación anterior.</translation>
        </message>
        <message>
            <location filename="../../app/sync/recover.py" line="96" />
            <source>Cannot write {file}: the folder {folder} does not exist.</source>
            <translation>No se puede escribir {file}: la carpeta {folder} no existe.</translation>
        </message>
        <message>
            <location filename="../../app/sync/recover.py" line="108" />
            <source>Cannot write {file}: {reason}</source>
            <translation>No se puede escribir {file}: {reason}</translation>
        </message>
        <message>
            <location filename="../../app/sync/replica.py" line="95" />
            <source>`python main.py --profile NAME sync --export FILE` saves what can be read of it; `python main.py --profile NAME sync --fresh --export FILE` also downloads a fresh copy, keeping this one.</source>
            <translation>`python main.py --profile NAME sync --export FILE` guarda lo que se pueda leer de ella; `python main.py --profile NAME sync --fresh --export FILE` además descarga una copia nueva y conserva esta.</translation>
        </message>
        <message>
            <location filename="../../app/sync/replica.py" line="97" />
            <source>`python main.py --profile NAME sync --export FILE` saves its unsynced changes; `python main.py --profile NAME sync --fresh --export FILE` also downloads a fresh copy, keeping this one.</source>
            <translation>`python main.py --profile NAME sync --export FILE` guarda sus cambios sin sincronizar; `python main.py --profile NAME sync --fresh --export FILE` además descarga una copia nueva y conserva esta.</translation>
        </message>
        <message>
            <location filename="../../app/sync/replica.py" line="168" />
            <source>This computer's offline copy belongs to another server or company ({theirs}), not to {database}.</source>
            <translation>La copia sin conexión de este equipo pertenece a otro servidor u otra empresa ({theirs}), no a {database}.</translation>
        </message>
        <message>
            <location filename="../../app/sync/replica.py" line="172" />
            <source>This computer's offline copy is {owner}'s, not {user}'s: each login keeps its own.</source>
            <translation>La copia sin conexión de este equipo es de {owner}, no de {user}: cada usuario tiene la suya.</translation>
        </message>
        <message>
            <location filename="../../app/sync/replica.py" line="175" />
            <source>The server's schema moved on ({server}) since this offline copy was made ({local}).</source>
            <translation>El esquema del servidor ha avanzado ({server}) desde que se creó esta copia sin conexión ({local}).</translation>
        </message>
        <message>
            <location filename="../../app/sync/service.py" line="39" />
            <source>The server has no company set up yet: there is nothing to work on offline.</source>
            <translation>El servidor aún no tiene ninguna empresa configurada: no hay nada con lo que trabajar sin conexión.</translation>
        </message>
        <message>
            <location filename="../../app/sync/service.py" line="96" />
            <source>Not posted at sync: {reason}</source>
            <translation>No emitida al sincronizar: {reason}</translation>
        </message>
        <message>
            <location filename="../../app/sync/service.py" line="108" />
            <source>There is no offline copy on this computer yet ({path}): connect to the server once to make it.</source>
            <translation>Aún no hay copia sin conexión en este equipo ({path}): conéctese una vez al servidor para crearla.</translation>
        </message>
        <message>
            <location filename="../../app/sync/service.py" line="113" />
            <location filename="../../app/sync/service.py" line="187" />
            <source>{path} is not an offline copy of a server.</source>
            <translation>{path} no es una copia sin conexión de un servidor.</translation>
        </message>
        <message>
            <location filename="../../app/sync/service.py" line="121" />
            <source>The offline copy {path} cannot be read ({reason}).</source>
            <translation>La copia sin conexión {path} no se puede leer ({reason}).</translation>
        </message>
        <message>
            <location filename="../../app/sync/service.py" line="125" />
            <source>The offline copy {path} was made by another version of Trastienda ({rev}).</source>
            <translation>La copia sin conexión {path} la creó otra versión de Trastienda ({rev}).</translation>
        </message>
    </context>
</TS>
