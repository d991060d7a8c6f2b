<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
    <context>
        <name />
        <message>
            <location filename="../../ui/backup_dialog.py" line="+40" />
            <source>&amp;Back up…</source>
            <translation>&amp;Hacer copia de seguridad…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Restore from backup…</source>
            <translation>&amp;Restaurar copia de seguridad…</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Back up the database</source>
            <translation>Hacer copia de seguridad de la base de datos</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Trastienda backup (*.sqlite3)</source>
            <translation>Copia de seguridad de Trastienda (*.sqlite3)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Backing up to {0}…</source>
            <translation>Haciendo copia de seguridad en {0}…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Backed up to {0}.</source>
            <translation>Copia de seguridad guardada en {0}.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Unexpected error: {0}</source>
            <translation>Error inesperado: {0}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The backup was not made</source>
            <translation>No se ha hecho la copia de seguridad</translation>
        </message>
        <message>
            <location line="+9" />
            <location line="+16" />
            <source>Restore from backup</source>
            <translation>Restaurar copia de seguridad</translation>
        </message>
        <message>
            <location line="-15" />
            <source>Trastienda backups (*.sqlite3 *.bak *.before-restore)</source>
            <translation>Copias de seguridad de Trastienda (*.sqlite3 *.bak *.before-restore)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All files (*)</source>
            <translation>Todos los archivos (*)</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+17" />
            <source>Cannot restore this file</source>
            <translation>No se puede restaurar este archivo</translation>
        </message>
        <message>
            <location line="-15" />
            <source>Replace the database {live} with the backup {file} (schema revision {rev})?

Everything typed since that backup was taken is replaced. The current database is kept beside it as {name}.&lt;time&gt;.before-restore.</source>
            <translation>¿Sustituir la base de datos {live} por la copia de seguridad {file} (revisión del esquema {rev})?

Se sustituirá todo lo introducido desde que se hizo esa copia. La base de datos actual se conservará en la misma carpeta como {name}.&lt;time&gt;.before-restore.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Restore</source>
            <translation>Restaurar</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Your database was not changed.</source>
            <translation>No se ha modificado su base de datos.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The database it replaced is kept as {0}.</source>
            <translation>La base de datos sustituida se conserva como {0}.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Restart Trastienda</source>
            <translation>Reinicie Trastienda</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The backup was restored, but the database could not be opened again: {0}
Start Trastienda again.</source>
            <translation>Se ha restaurado la copia de seguridad, pero no se ha podido volver a abrir la base de datos: {0}
Vuelva a iniciar Trastienda.</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+2" />
            <source>Restored {0}.</source>
            <translation>Se ha restaurado {0}.</translation>
        </message>
        <message>
            <location line="-1" />
            <source>Backup restored</source>
            <translation>Copia de seguridad restaurada</translation>
        </message>
        <message>
            <location filename="../../ui/common/export.py" line="+75" />
            <source>Counting the rows…</source>
            <translation>Contando las filas…</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../ui/invoices/batch.py" line="+56" />
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+39" />
            <source>Export</source>
            <translation>Exportar</translation>
        </message>
        <message>
            <location line="-12" />
            <source>Written {0} rows…</source>
            <translation>{0} filas escritas…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Written {0} of {1} rows…</source>
            <translation>{0} de {1} filas escritas…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Exported {0} rows to {1}.</source>
            <translation>{0} filas exportadas a {1}.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Export cancelled: nothing was saved.</source>
            <translation>Exportación cancelada: no se ha guardado nada.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The list was not exported: {0}</source>
            <translation>No se ha exportado la lista: {0}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not exported</source>
            <translation>No exportado</translation>
        </message>
        <message>
            <location line="+17" />
            <source>An export is still running.</source>
            <translation>Todavía hay una exportación en curso.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Export the list</source>
            <translation>Exportar la lista</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CSV for Excel (*.csv)</source>
            <translation>CSV para Excel (*.csv)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Libro de Excel (*.xlsx)</translation>
        </message>
        <message>
            <location line="+19" />
            <source>This tab has no list to export.</source>
            <translation>Esta pestaña no tiene ninguna lista que exportar.</translation>
        </message>
        <message>
            <location filename="../../ui/common/formatting.py" line="+75" />
            <location line="+6" />
            <location line="+11" />
            <source>Not a number.</source>
            <translation>No es un número.</translation>
        </message>
        <message>
            <location line="-7" />
            <source>Not a number: use one decimal comma.</source>
            <translation>No es un número: use una sola coma decimal.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Whole numbers only.</source>
            <translation>Solo números enteros.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>At most {n} decimals.</source>
            <translation>Como máximo {n} decimales.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Type the date as dd/mm/yyyy.</source>
            <translation>Escriba la fecha como dd/mm/aaaa.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>There is no such date.</source>
            <translation>Esa fecha no existe.</translation>
        </message>
        <message>
            <location filename="../../ui/contracts/attachments.py" line="+53" />
            <source>Attach a file</source>
            <translation>Adjuntar un archivo</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Save a copy</source>
            <translation>Guardar una copia</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/targets.py" line="+26" />
            <location filename="../../ui/invoices/batch.py" line="+2" />
            <source>Invoices</source>
            <translation>Facturas</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Contracts</source>
            <translation>Contratos</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Inventory</source>
            <translation>Inventario</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Employees</source>
            <translation>Empleados</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Customers &amp; suppliers</source>
            <translation>Clientes y proveedores</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Products</source>
            <translation>Productos</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Warehouses</source>
            <translation>Almacenes</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Leave</source>
            <translation>Ausencias</translation>
        </message>
        <message>
            <location line="+5" />
            <source>posted</source>
            <translation>emitidas</translation>
        </message>
        <message>
            <location line="+0" />
            <source>drafts</source>
            <translation>borradores</translation>
        </message>
        <message>
            <location line="+0" />
            <source>cancelled</source>
            <translation>anuladas</translation>
        </message>
        <message>
            <location line="+1" />
            <source>approved</source>
            <translation>aprobadas</translation>
        </message>
        <message>
            <location line="+0" />
            <source>requested</source>
            <translation>solicitadas</translation>
        </message>
        <message>
            <location line="+1" />
            <source>overdue</source>
            <translation>vencidas</translation>
        </message>
        <message>
            <location line="+0" />
            <source>unpaid</source>
            <translation>pendientes de cobro</translation>
        </message>
        <message>
            <location line="+1" />
            <source>partly paid</source>
            <translation>cobradas en parte</translation>
        </message>
        <message>
            <location line="+0" />
            <source>not fully paid</source>
            <translation>no cobradas del todo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>to reorder</source>
            <translation>por reponer</translation>
        </message>
        <message>
            <location line="+0" />
            <source>needing attention</source>
            <translation>que requieren atención</translation>
        </message>
        <message>
            <location line="+8" />
            <source>from {0}</source>
            <translation>desde {0}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>until {0}</source>
            <translation>hasta {0}</translation>
        </message>
        <message>
            <location line="+14" />
            <source>to bill by {0}</source>
            <translation>por facturar hasta {0}</translation>
        </message>
        <message>
            <location filename="../../ui/employees/documents.py" line="+52" />
            <source>Contract</source>
            <translation>Contrato</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Certificate</source>
            <translation>Certificado</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Permit</source>
            <translation>Permiso</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Identity document</source>
            <translation>Documento de identidad</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/employees/leave_common.py" line="+21" />
            <source>Other</source>
            <translation>Otro</translation>
        </message>
        <message>
            <location line="+7" />
            <source>expired {0} days ago</source>
            <translation>caducó hace {0} días</translation>
        </message>
        <message>
            <location line="+2" />
            <source>expired yesterday</source>
            <translation>caducó ayer</translation>
        </message>
        <message>
            <location line="+2" />
            <source>expires today</source>
            <translation>caduca hoy</translation>
        </message>
        <message>
            <location line="+2" />
            <source>tomorrow</source>
            <translation>mañana</translation>
        </message>
        <message>
            <location line="+1" />
            <source>in {0} days</source>
            <translation>dentro de {0} días</translation>
        </message>
        <message>
            <location filename="../../ui/employees/leave_common.py" line="-4" />
            <source>Vacation</source>
            <translation>Vacaciones</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sick leave</source>
            <translation>Baja por enfermedad</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Personal</source>
            <translation>Asuntos propios</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unpaid</source>
            <translation>No retribuida</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Requested</source>
            <translation>Solicitada</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Approved</source>
            <translation>Aprobada</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rejected</source>
            <translation>Rechazada</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled</source>
            <translation>Cancelada</translation>
        </message>
        <message>
            <location filename="../../ui/employees/leave_request.py" line="+39" />
            <source>{0} days beyond the vacation balance.</source>
            <translation>{0} días por encima del saldo de vacaciones.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Also away from the same department on some of these days:
{0}</source>
            <translation>También hay ausencias del mismo departamento en algunos de estos días:
{0}</translation>
        </message>
        <message>
            <location filename="../../ui/employees/leave_settings.py" line="+61" />
            <source>{days} + {carried} carried over</source>
            <translation>{days} + {carried} arrastrados del año anterior</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{days} days</source>
            <translation>{days} días</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Vacation {year}: {given}, {taken} taken, {pending} pending, {left} left</source>
            <translation>Vacaciones {year}: {given}, {taken} disfrutados, {pending} pendientes, {left} restantes</translation>
        </message>
        <message>
            <location filename="../../ui/inventory/labels_dialog.py" line="+53" />
            <source>Print labels…</source>
            <translation>Imprimir etiquetas…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Barcode labels for the selected products (Ctrl+P)</source>
            <translation>Etiquetas con código de barras de los productos seleccionados (Ctrl+P)</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Select the products to label first (Shift or Ctrl with the arrows or a click).</source>
            <translation>Seleccione antes los productos que quiere etiquetar (Shift o Ctrl con las flechas o un clic).</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Print labels</source>
            <translation>Imprimir etiquetas</translation>
        </message>
        <message>
            <location line="+8" />
            <source>SKU</source>
            <translation>SKU</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Barcode</source>
            <translation>Código de barras</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Price (IVA incl.)</source>
            <translation>Precio (IVA incl.)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copies</source>
            <translation>Copias</translation>
        </message>
        <message>
            <location line="+7" />
            <source>EAN-13 {0}</source>
            <translation>EAN-13 {0}</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Code 128 of the SKU</source>
            <translation>Code 128 del SKU</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Copies of {0}</source>
            <translation>Copias de {0}</translation>
        </message>
        <message>
            <location line="+20" />
            <source>On a partly used sheet, the first free label: 1 is the top left, counted along the rows</source>
            <translation>En una hoja ya empezada, la primera etiqueta libre: 1 es la de arriba a la izquierda, contando por filas</translation>
        </message>
        <message>
            <location line="+11" />
            <source>&amp;Sheet</source>
            <translation>&amp;Hoja</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;First free label</source>
            <translation>Primera etiqueta &amp;libre</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Previe&amp;w…</source>
            <translation>&amp;Vista previa…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save as &amp;PDF…</source>
            <translation>Guardar como &amp;PDF…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>P&amp;rint…</source>
            <translation>Imp&amp;rimir…</translation>
        </message>
        <message>
            <location line="+2" />
            <location filename="../../ui/invoices/preview.py" line="+138" />
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/invoices/preview.py" line="+1" />
            <source>Close (Esc)</source>
            <translation>Cerrar (Esc)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Copies of each product (0 leaves it out):</source>
            <translation>Copias de cada producto (0 lo excluye):</translation>
        </message>
        <message>
            <location line="+47" />
            <source>Labels: {0} · A4 sheets: {1}</source>
            <translation>Etiquetas: {0} · Hojas A4: {1}</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Preparing the labels…</source>
            <translation>Preparando las etiquetas…</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The labels could not be made: {0}</source>
            <translation>No se han podido generar las etiquetas: {0}</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Labels</source>
            <translation>Etiquetas</translation>
        </message>
        <message>
            <location line="+22" />
            <location filename="../../ui/invoices/preview.py" line="+48" />
            <source>The PDF could not be saved: {0}</source>
            <translation>No se ha podido guardar el PDF: {0}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Saved {0} labels in {1}.</source>
            <translation>{0} etiquetas guardadas en {1}.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Sending the labels to the printer…</source>
            <translation>Enviando las etiquetas a la impresora…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Sent {0} sheets of labels to the printer.</source>
            <translation>{0} hojas de etiquetas enviadas a la impresora.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Not printed: {0}</source>
            <translation>No impreso: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/inventory/stock_table.py" line="+301" />
            <source>Total: {q} {unit} on hand, value {v}</source>
            <translation>Total: {q} {unit} en existencias, valor {v}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>; to order {q} {unit}</source>
            <translation>; por pedir {q} {unit}</translation>
        </message>
        <message>
            <location filename="../../ui/invoices/actions.py" line="+32" />
            <source>R1 · Error founded in law (art. 80 Uno, Dos, Seis LIVA)</source>
            <translation>R1 · Error fundado en derecho (art. 80 Uno, Dos y Seis LIVA)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>R2 · Customer in insolvency proceedings (art. 80 Tres)</source>
            <translation>R2 · Cliente en concurso de acreedores (art. 80 Tres)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>R3 · Uncollectable debt (art. 80 Cuatro)</source>
            <translation>R3 · Crédito incobrable (art. 80 Cuatro)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>R4 · Any other cause</source>
            <translation>R4 · Resto de causas</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Post…</source>
            <translation>&amp;Emitir…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Number this draft and freeze it (Ctrl+Shift+P)</source>
            <translation>Numerar este borrador y bloquearlo (Ctrl+Shift+P)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit &amp;note…</source>
            <translation>Factura &amp;rectificativa…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Ca&amp;ncel invoice…</source>
            <translation>A&amp;nular factura…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Record pa&amp;yment…</source>
            <translation>Registrar &amp;cobro…</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Post invoice</source>
            <translation>Emitir factura</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Post this invoice for {who}? It gets the next number of its series and can no longer be changed; corrections are made with a credit note.</source>
            <translation>¿Emitir esta factura de {who}? Recibirá el siguiente número de su serie y ya no se podrá modificar; las correcciones se hacen con una factura rectificativa.</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+4" />
            <source>Post</source>
            <translation>Emitir</translation>
        </message>
        <message>
            <location line="-4" />
            <source>Not yet</source>
            <translation>Todavía no</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Not posted: see the marked fields.</source>
            <translation>No emitida: revise los campos marcados.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Not posted</source>
            <translation>No emitida</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Posted at the next sync</source>
            <translation>Se emitirá en la próxima sincronización</translation>
        </message>
        <message>
            <location line="+1" />
            <source>You are working offline. This draft is checked and will be posted, with the next number of its series, as soon as this computer syncs with the server. Invoices of the series kept for this computer are numbered and printed at once.</source>
            <translation>Está trabajando sin conexión. Este borrador está comprobado y se emitirá, con el siguiente número de su serie, en cuanto este equipo se sincronice con el servidor. Las facturas de la serie reservada para este equipo se numeran e imprimen en el momento.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Draft waiting to be posted at the next sync.</source>
            <translation>Borrador pendiente de emitir en la próxima sincronización.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Posted invoice {0}.</source>
            <translation>Factura {0} emitida.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Not enough stock</source>
            <translation>No hay existencias suficientes</translation>
        </message>
        <message>
            <location line="+1" />
            <source>There is not enough stock for this:
{0}

The warehouse will show a shortage until the goods are received. Go ahead?</source>
            <translation>No hay existencias suficientes para esto:
{0}

El almacén mostrará una falta hasta que se reciba la mercancía. ¿Continuar?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Go back</source>
            <translation>Volver</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nothing done: not enough stock.</source>
            <translation>No se ha hecho nada: no hay existencias suficientes.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Credit note</source>
            <translation>Factura rectificativa</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Why is invoice {0} corrected?</source>
            <translation>¿Por qué se rectifica la factura {0}?</translation>
        </message>
        <message>
            <location line="+7" />
            <source>No credit note</source>
            <translation>No se ha creado la factura rectificativa</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Draft credit note for {0}: remove the lines or lower the quantities you do not take back, then post it.</source>
            <translation>Borrador de factura rectificativa de {0}: elimine las líneas o reduzca las cantidades que no se devuelven y después emítala.</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+8" />
            <source>Cancel invoice</source>
            <translation>Anular factura</translation>
        </message>
        <message>
            <location line="-7" />
            <source>Cancel (anular) invoice {0}? It keeps its number and is recorded as cancelled. Why?</source>
            <translation>¿Anular la factura {0}? Conserva su número y queda registrada como anulada. ¿Motivo?</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Not cancelled</source>
            <translation>No anulada</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Cancelled invoice {0}.</source>
            <translation>Factura {0} anulada.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Recorded a payment on {0}.</source>
            <translation>Cobro registrado en la factura {0}.</translation>
        </message>
        <message>
            <location filename="../../ui/invoices/batch.py" line="-2" />
            <source>Preparing the invoices…</source>
            <translation>Preparando las facturas…</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Prepared {0} of {1} invoices…</source>
            <translation>{0} de {1} facturas preparadas…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Sent page {0} of {1} to the printer…</source>
            <translation>Página {0} de {1} enviada a la impresora…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Printing cancelled; the job was withdrawn.</source>
            <translation>Impresión cancelada; se ha retirado el trabajo.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Printed {0} invoices as one job.</source>
            <translation>{0} facturas impresas en un solo trabajo.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Saved {0} invoices in one PDF.</source>
            <translation>{0} facturas guardadas en un solo PDF.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Cancelled: nothing was printed.</source>
            <translation>Cancelado: no se ha impreso nada.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled: nothing was saved.</source>
            <translation>Cancelado: no se ha guardado nada.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The invoices could not be prepared: {0}</source>
            <translation>No se han podido preparar las facturas: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/invoices/lines_model.py" line="+79" />
            <source>Exempt {0}</source>
            <translation>Exento {0}</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Product</source>
            <translation>Producto</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Description</source>
            <translation>Descripción</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Quantity</source>
            <translation>Cantidad</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Price</source>
            <translation>Precio</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Disc. %</source>
            <translation>Dto. %</translation>
        </message>
        <message>
            <location line="+1" />
            <source>IVA</source>
            <translation>IVA</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Amount</source>
            <translation>Importe</translation>
        </message>
        <message>
            <location line="+77" />
            <source>At most {n} characters.</source>
            <translation>Como máximo {n} caracteres.</translation>
        </message>
        <message>
            <location line="+85" />
            <source>A price is never negative.</source>
            <translation>Un precio nunca es negativo.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A discount is between 0 and 100 %.</source>
            <translation>El descuento debe estar entre 0 y 100 %.</translation>
        </message>
        <message>
            <location filename="../../ui/invoices/preview.py" line="-130" />
            <source>Save as PDF</source>
            <translation>Guardar como PDF</translation>
        </message>
        <message>
            <location line="+0" />
            <source>PDF files (*.pdf)</source>
            <translation>Archivos PDF (*.pdf)</translation>
        </message>
        <message>
            <location line="+24" />
            <source>The printer could not be opened.</source>
            <translation>No se ha podido abrir la impresora.</translation>
        </message>
        <message>
            <location line="+53" />
            <source>&amp;Print…</source>
            <translation>&amp;Imprimir…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Save as PDF…</source>
            <translation>&amp;Guardar como PDF…</translation>
        </message>
        <message>
            <location line="+51" />
            <source>Not saved</source>
            <translation>No guardado</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Draft (not valid as an invoice)</source>
            <translation>Borrador (no válido como factura)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invoice {0}</source>
            <translation>Factura {0}</translation>
        </message>
        <message>
            <location filename="../../ui/invoices/printing.py" line="+46" />
            <source>Pr&amp;eview…</source>
            <translation>Vista p&amp;revia…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>See the invoice as it prints; print or save it from there</source>
            <translation>Ver la factura tal como se imprime; imprimirla o guardarla desde allí</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Batch print…</source>
            <translation>Im&amp;primir en lote…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Print the selected posted invoices as one job (Ctrl+P)</source>
            <translation>Imprimir las facturas emitidas seleccionadas en un solo trabajo (Ctrl+P)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save as &amp;one PDF…</source>
            <translation>Guardar en un s&amp;olo PDF…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save the selected posted invoices in one PDF file</source>
            <translation>Guardar las facturas emitidas seleccionadas en un solo archivo PDF</translation>
        </message>
        <message>
            <location line="+15" />
            <source>The preview shows the saved invoice; save to include your changes.</source>
            <translation>La vista previa muestra la factura guardada; guarde para incluir sus cambios.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Choose an invoice first.</source>
            <translation>Elija antes una factura.</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Sent {0} to the printer.</source>
            <translation>Enviado a la impresora: {0}.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>the draft</source>
            <translation>el borrador</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Select posted invoices first (Shift or Ctrl with the arrows or a click).</source>
            <translation>Seleccione antes facturas emitidas (Shift o Ctrl con las flechas o un clic).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{0} selected invoices are drafts or cancelled and are left out.</source>
            <translation>{0} facturas seleccionadas son borradores o están anuladas y se omiten.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>facturas.pdf</source>
            <translation>facturas.pdf</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="+31" />
            <source>Dashboard</source>
            <translation>Panel</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Invoices</source>
            <translation>&amp;Facturas</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Contracts</source>
            <translation>&amp;Contratos</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In&amp;ventory</source>
            <translation>In&amp;ventario</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Employees</source>
            <translation>&amp;Empleados</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Customers &amp;&amp; &amp;suppliers</source>
            <translation>Clientes y &amp;proveedores</translation>
        </message>
        <message>
            <location filename="../../ui/sync/banner.py" line="+91" />
            <source>Offline: this computer's copy</source>
            <translation>Sin conexión: copia de este equipo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not connected</source>
            <translation>No conectado</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Connected</source>
            <translation>Conectado</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{0} conflicts</source>
            <translation>{0} conflictos</translation>
        </message>
        <message>
            <location line="+1" />
            <source>1 conflict</source>
            <translation>1 conflicto</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Syncing…</source>
            <translation>Sincronizando…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>sending changes</source>
            <translation>enviando cambios</translation>
        </message>
        <message>
            <location line="+0" />
            <source>receiving {0}</source>
            <translation>recibiendo {0}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Syncing: {0} {1}/{2}</source>
            <translation>Sincronizando: {0} {1}/{2}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Offline copy made at {0}: {1} records</source>
            <translation>Copia sin conexión creada a las {0}: {1} registros</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Synced at {0}: {1} sent, {2} received</source>
            <translation>Sincronizado a las {0}: {1} enviados, {2} recibidos</translation>
        </message>
        <message>
            <location filename="../../ui/sync/conflicts_dialog.py" line="+37" />
            <source>(empty)</source>
            <translation>(vacío)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Yes</source>
            <translation>Sí</translation>
        </message>
        <message>
            <location line="+0" />
            <source>No</source>
            <translation>No</translation>
        </message>
    </context>
    <context>
        <name>AbsenceCalendarModel</name>
        <message>
            <location filename="../../ui/employees/calendar.py" line="+149" />
            <source>half day</source>
            <translation>medio día</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{0} to {1}</source>
            <translation>Del {0} al {1}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Holiday: {0}</source>
            <translation>Festivo: {0}</translation>
        </message>
    </context>
    <context>
        <name>AllowanceDialog</name>
        <message>
            <location filename="../../ui/employees/leave_settings.py" line="+166" />
            <source>Vacation allowance</source>
            <translation>Días de vacaciones</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Employee</source>
            <translation>&amp;Empleado</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Type part of the name, code or NIF</source>
            <translation>Escriba parte del nombre, el código o el NIF</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Year</source>
            <translation>&amp;Año</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Days</source>
            <translation>&amp;Días</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Carried over</source>
            <translation>&amp;Arrastrados del año anterior</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Days left from the year before that may still be taken.</source>
            <translation>Días sobrantes del año anterior que aún se pueden disfrutar.</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Only HR staff may set leave allowances.</source>
            <translation>Solo el personal de RR. HH. puede fijar los días de vacaciones.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Choose an employee to see their balance.</source>
            <translation>Elija un empleado para ver su saldo.</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="../../ui/app.py" line="+105" />
            <source>Connection profiles</source>
            <translation>Perfiles de conexión</translation>
        </message>
        <message>
            <location line="+58" />
            <source>The remembered password was forgotten.</source>
            <translation>Se ha borrado la contraseña guardada.</translation>
        </message>
        <message>
            <location line="+31" />
            <location line="+26" />
            <location filename="../../ui/first_run/__init__.py" line="+65" />
            <source>Cannot open the database</source>
            <translation>No se puede abrir la base de datos</translation>
        </message>
    </context>
    <context>
        <name>AttachmentsBox</name>
        <message>
            <location filename="../../ui/contracts/attachments.py" line="+53" />
            <location line="+10" />
            <source>Attached files</source>
            <translation>Archivos adjuntos</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Drop files here to attach them; Enter opens the chosen file.</source>
            <translation>Arrastre aquí archivos para adjuntarlos; Enter abre el archivo elegido.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>A&amp;dd file…</source>
            <translation>Ad&amp;juntar archivo…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Open</source>
            <translation>Abrir</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save a &amp;copy…</source>
            <translation>Guardar una co&amp;pia…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remove file…</source>
            <translation>Quitar archivo…</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Save the contract first to attach files.</source>
            <translation>Guarde antes el contrato para adjuntar archivos.</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Attaching {0}…</source>
            <translation>Adjuntando {0}…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Opening {0}…</source>
            <translation>Abriendo {0}…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Saved {0}.</source>
            <translation>Guardado en {0}.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Remove file</source>
            <translation>Quitar archivo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove {0} from this contract? The file is deleted from the records.</source>
            <translation>¿Quitar {0} de este contrato? El archivo se elimina de los registros.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Removed {0}.</source>
            <translation>Se ha quitado {0}.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Opened {0}.</source>
            <translation>Se ha abierto {0}.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No application on this computer opens {0}; a copy is at {1}.</source>
            <translation>Ningún programa de este equipo abre {0}; hay una copia en {1}.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Attached {0}.</source>
            <translation>Se ha adjuntado {0}.</translation>
        </message>
    </context>
    <context>
        <name>AuditTrailDialog</name>
        <message>
            <location filename="../../ui/employees/privacy.py" line="+218" />
            <source>Audit trail — {0}</source>
            <translation>Registro de auditoría — {0}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>When</source>
            <translation>Cuándo</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Who</source>
            <translation>Quién</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Action</source>
            <translation>Acción</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Fields</source>
            <translation>Campos</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note</source>
            <translation>Nota</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Viewed</source>
            <translation>Consultado</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Created</source>
            <translation>Creado</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Changed</source>
            <translation>Modificado</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Exported</source>
            <translation>Exportado</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Blocked</source>
            <translation>Bloqueado</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unblocked</source>
            <translation>Desbloqueado</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Anonymised</source>
            <translation>Anonimizado</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Document</source>
            <translation>Documento</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Salary</source>
            <translation>Salario</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Payments a year</source>
            <translation>Pagas al año</translation>
        </message>
        <message>
            <location line="+0" />
            <source>IBAN</source>
            <translation>IBAN</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Social security no.</source>
            <translation>N.º de la Seguridad Social</translation>
        </message>
        <message>
            <location line="+0" />
            <source>NIF / NIE</source>
            <translation>NIF / NIE</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Login</source>
            <translation>Usuario</translation>
        </message>
        <message>
            <location line="+13" />
            <source>{0} entries. Every showing, change, export and block of this person's data is listed here.</source>
            <translation>{0} entradas. Aquí figura cada consulta, modificación, exportación y bloqueo de los datos de esta persona.</translation>
        </message>
    </context>
    <context>
        <name>AwayCalendar</name>
        <message>
            <location filename="../../ui/employees/calendar.py" line="+94" />
            <source>Previous month (Alt+Left)</source>
            <translation>Mes anterior (Alt+Left)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Next month (Alt+Right)</source>
            <translation>Mes siguiente (Alt+Right)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;This month</source>
            <translation>Es&amp;te mes</translation>
        </message>
        <message>
            <location line="+9" />
            <source>All departments</source>
            <translation>Todos los departamentos</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Department</source>
            <translation>Departamento</translation>
        </message>
        <message>
            <location line="+7" />
            <source>De&amp;partment</source>
            <translation>De&amp;partamento</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Who is away</source>
            <translation>Quién está ausente</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Requested, not yet approved</source>
            <translation>Solicitada, aún no aprobada</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Weekend or holiday</source>
            <translation>Fin de semana o festivo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>½ half day</source>
            <translation>½ medio día</translation>
        </message>
        <message>
            <location line="+65" />
            <source>Who is away could not be read: {0}</source>
            <translation>No se ha podido leer quién está ausente: {0}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Nobody is away this month.</source>
            <translation>Nadie está ausente este mes.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>1 person away this month.</source>
            <translation>1 persona ausente este mes.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{0} people away this month.</source>
            <translation>{0} personas ausentes este mes.</translation>
        </message>
    </context>
    <context>
        <name>BillingDialog</name>
        <message>
            <location filename="../../ui/contracts/billing_dialog.py" line="+41" />
            <source>Generate invoices</source>
            <translation>Generar facturas</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Drafts (post them later)</source>
            <translation>Borradores (emitirlas más tarde)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Posted (numbered)</source>
            <translation>Emitidas (numeradas)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Bill &amp;up to</source>
            <translation>Facturar &amp;hasta</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Invoices</source>
            <translation>&amp;Facturas</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Contract</source>
            <translation>Contrato</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Customer</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Period</source>
            <translation>Periodo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invoice date</source>
            <translation>Fecha de factura</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Amount (base)</source>
            <translation>Importe (base)</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+61" />
            <source>Reading the periods due…</source>
            <translation>Leyendo los periodos pendientes…</translation>
        </message>
        <message>
            <location line="-47" />
            <source>&amp;Generate</source>
            <translation>&amp;Generar</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Choose the date to bill up to.</source>
            <translation>Elija la fecha hasta la que facturar.</translation>
        </message>
        <message>
            <location line="+36" />
            <source>{n} periods due, {total} EUR before tax.</source>
            <translation>{n} periodos pendientes, {total} EUR sin impuestos.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Nothing to bill up to this date.</source>
            <translation>Nada que facturar hasta esta fecha.</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+32" />
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <location line="-16" />
            <source>Billing…</source>
            <translation>Facturando…</translation>
        </message>
        <message>
            <location line="+17" />
            <source>{n} invoices made.</source>
            <translation>{n} facturas generadas.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{n} earlier drafts posted.</source>
            <translation>{n} borradores anteriores emitidos.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{n} periods were already billed by someone else.</source>
            <translation>{n} periodos ya los había facturado otra persona.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Cancelled: the rest is still due.</source>
            <translation>Cancelado: el resto sigue pendiente.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{n} problems:</source>
            <translation>{n} problemas:</translation>
        </message>
        <message>
            <location line="+5" />
            <source> (kept as a draft)</source>
            <translation> (queda como borrador)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Stopping after the current period…</source>
            <translation>Parando después del periodo actual…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Generate invoices…</source>
            <translation>Generar facturas…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Invoice every contract period due up to a date, each period once</source>
            <translation>Facturar cada periodo de contrato pendiente hasta una fecha, una sola vez por periodo</translation>
        </message>
    </context>
    <context>
        <name>ChartBox</name>
        <message>
            <location filename="../../ui/dashboard/charts.py" line="+150" />
            <source>Loading…</source>
            <translation>Cargando…</translation>
        </message>
    </context>
    <context>
        <name>CompanyDialog</name>
        <message>
            <location filename="../../ui/company_dialog.py" line="+25" />
            <source>Company details</source>
            <translation>Datos de la empresa</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Legal name</source>
            <translation>&amp;Razón social</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Trade name</source>
            <translation>Nombre comercia&amp;l</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;NIF</source>
            <translation>&amp;NIF</translation>
        </message>
        <message>
            <location line="+1" />
            <source>St&amp;reet</source>
            <translation>Dire&amp;cción</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Postal code</source>
            <translation>Código &amp;postal</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cit&amp;y</source>
            <translation>P&amp;oblación</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pro&amp;vince</source>
            <translation>Pro&amp;vincia</translation>
        </message>
        <message>
            <location line="+1" />
            <source>C&amp;ountry</source>
            <translation>Paí&amp;s</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;E-mail</source>
            <translation>Correo &amp;electrónico</translation>
        </message>
        <message>
            <location line="+1" />
            <source>P&amp;hone</source>
            <translation>&amp;Teléfono</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;IBAN (printed for payment)</source>
            <translation>&amp;IBAN (impreso para el pago)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lo&amp;go</source>
            <translation>Lo&amp;gotipo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Si&amp;mplified invoices up to</source>
            <translation>Facturas si&amp;mplificadas hasta</translation>
        </message>
        <message>
            <location line="+1" />
            <source>400 EUR (general rule)</source>
            <translation>400 EUR (regla general)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>3,000 EUR (sectors of RD 1619/2012 art. 4.2)</source>
            <translation>3.000 EUR (sectores del RD 1619/2012, art. 4.2)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>VERI*FACTU</source>
            <translation>VERI*FACTU</translation>
        </message>
        <message>
            <location line="+1" />
            <source>QR codes point at the AEAT's production site (not its test site)</source>
            <translation>Los códigos QR apuntan al entorno de producción de la AEAT (no al de pruebas)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Negative stoc&amp;k</source>
            <translation>Stock ne&amp;gativo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warn and ask before recording it</source>
            <translation>Avisar y preguntar antes de registrar</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+36" />
            <source>Refuse</source>
            <translation>No permitir</translation>
        </message>
        <message>
            <location line="-34" />
            <source>A delivery, transfer or invoice that would leave a warehouse with less than nothing: ask the clerk first, or never allow it.</source>
            <translation>Una entrega, un traspaso o una factura que dejaría un almacén con menos de cero: preguntar antes al usuario o no permitirlo nunca.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Contract &amp;alerts (days ahead)</source>
            <translation>&amp;Avisos de contratos (días de antelación)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Contract invoices</source>
            <translation>Facturas de contratos</translation>
        </message>
        <message>
            <location line="+1" />
            <source>"Generate invoices" posts them (otherwise they stay drafts)</source>
            <translation>«Generar facturas» las emite (si no, quedan como borradores)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Largest attachment (M&amp;B)</source>
            <translation>Tamaño máximo de adjunto (M&amp;B)</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Employees</source>
            <translation>Empleados</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Vacation &amp;days a year</source>
            <translation>&amp;Días de vacaciones al año</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Working days of vacation for everyone, unless an employee's allowance for the year says otherwise.</source>
            <translation>Días laborables de vacaciones para todos, salvo que la asignación anual de un empleado indique otra cosa.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Va&amp;cation beyond the balance</source>
            <translation>Vacaciones &amp;que superan el saldo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warn and ask before saving it</source>
            <translation>Avisar y preguntar antes de guardar</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Keep per&amp;sonal data (years after leaving)</source>
            <translation>Conservar datos personales (años tras la ba&amp;ja)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>After this, the personal data of someone who has left may be anonymised (4 years by default).</source>
            <translation>Pasado este plazo, los datos personales de quien haya causado baja se pueden anonimizar (4 años por defecto).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Employee doc&amp;ument alerts (days ahead)</source>
            <translation>Avisos de doc&amp;umentos de empleados (días de antelación)</translation>
        </message>
    </context>
    <context>
        <name>CompanyPage</name>
        <message>
            <location filename="../../ui/first_run/company_page.py" line="+39" />
            <source>What every invoice must show. The rest (e-mail, IBAN, stock and staff settings) can wait for File &gt; Company details.</source>
            <translation>Lo que debe figurar en toda factura. El resto (correo electrónico, IBAN, ajustes de existencias y de personal) puede esperar a Archivo &gt; Datos de la empresa.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Legal name</source>
            <translation>&amp;Razón social</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;NIF</source>
            <translation>&amp;NIF</translation>
        </message>
        <message>
            <location line="+1" />
            <source>St&amp;reet</source>
            <translation>Dire&amp;cción</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Postal code</source>
            <translation>Código &amp;postal</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cit&amp;y</source>
            <translation>P&amp;oblación</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pro&amp;vince</source>
            <translation>Pro&amp;vincia</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lo&amp;go</source>
            <translation>Lo&amp;gotipo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invoice numbering</source>
            <translation>Numeración de facturas</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pre&amp;fix</source>
            <translation>Pre&amp;fijo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ne&amp;xt number</source>
            <translation>Pró&amp;ximo número</translation>
        </message>
        <message>
            <location line="+4" />
            <source>1 to start afresh; coming from another program, its last invoice number this year plus one.</source>
            <translation>1 para empezar de cero; si viene de otro programa, el número de su última factura de este año más uno.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Save and start</source>
            <translation>Guardar y &amp;empezar</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Back</source>
            <translation>&amp;Atrás</translation>
        </message>
        <message>
            <location line="+40" />
            <source>The first invoice will be number %1.</source>
            <translation>La primera factura será la número %1.</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <location filename="../../ui/common/conflict_dialog.py" line="+147" />
            <location line="+3" />
            <source>Someone else changed this record</source>
            <translation>Otra persona ha modificado este registro</translation>
        </message>
        <message>
            <location line="+4" />
            <source> ({who}, {when})</source>
            <translation> ({who}, {when})</translation>
        </message>
        <message>
            <location line="+3" />
            <source> ({0})</source>
            <translation> ({0})</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Someone else saved this {noun}{by} after you opened it, so your changes were not saved.

Reload: discard your changes and show theirs.
Overwrite: save your form over their changes.
Compare: see the fields that differ first.</source>
            <translation>Otra persona ha guardado esta ficha de {noun}{by} después de que usted la abriera, así que sus cambios no se han guardado.

Recargar: descarta sus cambios y muestra los de la otra persona.
Sobrescribir: guarda su ficha encima de los cambios de la otra persona.
Comparar: muestra primero los campos que difieren.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Field</source>
            <translation>Campo</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Yours</source>
            <translation>Su valor</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Theirs</source>
            <translation>Valor de la otra persona</translation>
        </message>
        <message>
            <location line="+9" />
            <source>(empty)</source>
            <translation>(vacío)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>No field in this form differs: they changed something the form does not show.</source>
            <translation>Ningún campo de esta ficha difiere: la otra persona ha cambiado algo que la ficha no muestra.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Reload theirs</source>
            <translation>&amp;Recargar la otra versión</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Overwrite with mine</source>
            <translation>&amp;Sobrescribir con la mía</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+37" />
            <source>&amp;Compare</source>
            <translation>&amp;Comparar</translation>
        </message>
        <message>
            <location line="-34" />
            <source>&amp;Keep editing</source>
            <translation>Seguir &amp;editando</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Hide &amp;comparison</source>
            <translation>Ocultar &amp;comparación</translation>
        </message>
    </context>
    <context>
        <name>ConflictsDialog</name>
        <message>
            <location filename="../../ui/sync/conflicts_dialog.py" line="+18" />
            <source>Changes to review</source>
            <translation>Cambios por revisar</translation>
        </message>
        <message>
            <location line="+6" />
            <source>These changes made on this computer could not be applied as they were. Nothing is lost until you decide.</source>
            <translation>Estos cambios hechos en este equipo no se han podido aplicar tal cual. No se pierde nada hasta que usted decida.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Field</source>
            <translation>Campo</translation>
        </message>
        <message>
            <location line="+0" />
            <source>On the server</source>
            <translation>En el servidor</translation>
        </message>
        <message>
            <location line="+0" />
            <source>On this computer</source>
            <translation>En este equipo</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Keep the server's</source>
            <translation>&amp;Conservar el del servidor</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Use mine</source>
            <translation>&amp;Usar el mío</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Saved on this computer as a new change and sent at the next sync</source>
            <translation>Se guarda en este equipo como un cambio nuevo y se envía en la próxima sincronización</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Dismiss</source>
            <translation>&amp;Descartar</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Export all…</source>
            <translation>&amp;Exportar todo…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save every unsent change and open conflict to a file</source>
            <translation>Guardar en un archivo todos los cambios sin enviar y los conflictos pendientes</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <location line="+34" />
            <source>The server's value stays.</source>
            <translation>Se mantiene el valor del servidor.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Your value is saved on this computer and goes to the server at the next sync.</source>
            <translation>Su valor se guarda en este equipo y se enviará al servidor en la próxima sincronización.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dismissed.</source>
            <translation>Descartado.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>the whole change</source>
            <translation>todo el cambio</translation>
        </message>
        <message>
            <location line="+16" />
            <source>{0} changes and conflicts saved to {1}.</source>
            <translation>{0} cambios y conflictos guardados en {1}.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Export unsent changes</source>
            <translation>Exportar cambios sin enviar</translation>
        </message>
        <message>
            <location line="+1" />
            <source>JSON (*.json)</source>
            <translation>JSON (*.json)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Not saved: {0}</source>
            <translation>No guardado: {0}</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Nothing to review.</source>
            <translation>Nada que revisar.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Changed on both sides since your copy was made: the server kept its value. Choose which one stays.</source>
            <translation>Modificado en ambos lados desde que se hizo su copia: el servidor ha conservado su valor. Elija cuál se queda.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The server could not apply this change: {0}</source>
            <translation>El servidor no ha podido aplicar este cambio: {0}</translation>
        </message>
    </context>
    <context>
        <name>ContractsTab</name>
        <message>
            <location filename="../../ui/contracts/tab.py" line="+69" />
            <location line="+6" />
            <source>contract</source>
            <translation>contrato</translation>
        </message>
        <message>
            <location line="-3" />
            <source>contracts</source>
            <translation>contratos</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Customer</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Supplier</source>
            <translation>Proveedor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Employment</source>
            <translation>Laboral</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Draft</source>
            <translation>Borrador</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Active</source>
            <translation>Vigente</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notice given</source>
            <translation>Con preaviso</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ended</source>
            <translation>Finalizado</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Terminated</source>
            <translation>Rescindido</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Monthly</source>
            <translation>Mensual</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Quarterly</source>
            <translation>Trimestral</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Yearly</source>
            <translation>Anual</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Once</source>
            <translation>Única vez</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Reference</source>
            <translation>Referencia</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Title</source>
            <translation>Título</translation>
        </message>
        <message>
            <location line="+1" />
            <source>With</source>
            <translation>Contraparte</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Start</source>
            <translation>Inicio</translation>
        </message>
        <message>
            <location line="+1" />
            <source>End</source>
            <translation>Fin</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+48" />
            <source>Value</source>
            <translation>Valor</translation>
        </message>
        <message>
            <location line="-47" />
            <source>Attention</source>
            <translation>Atención</translation>
        </message>
        <message>
            <location line="+21" />
            <source>All kinds</source>
            <translation>Todos los tipos</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All statuses</source>
            <translation>Todos los estados</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Needs attention</source>
            <translation>Requiere atención</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Renews automatically</source>
            <translation>Se renueva automáticamente</translation>
        </message>
        <message>
            <location line="-24" />
            <source>Running contracts that end, or whose notice deadline falls, within the days set in the company details (30 unless changed). Amber rows need attention; red rows are past their end date.</source>
            <translation>Contratos en curso que terminan, o cuyo plazo de preaviso vence, dentro de los días indicados en los datos de la empresa (30 si no se cambia). Las filas ámbar requieren atención; las rojas ya han pasado su fecha de fin.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>&amp;Kind</source>
            <translation>&amp;Tipo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Title</source>
            <translation>Títu&amp;lo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Re&amp;ference</source>
            <translation>&amp;Referencia</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+79" />
            <source>Cust&amp;omer</source>
            <translation>&amp;Cliente</translation>
        </message>
        <message>
            <location line="-78" />
            <location line="+2" />
            <source>Type part of the name, code or NIF</source>
            <translation>Escriba parte del nombre, el código o el NIF</translation>
        </message>
        <message>
            <location line="-1" />
            <source>E&amp;mployee</source>
            <translation>&amp;Empleado</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Stat&amp;us</source>
            <translation>E&amp;stado</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sta&amp;rt date</source>
            <translation>Fecha de &amp;inicio</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;End date</source>
            <translation>Fecha de fin</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Leave empty for an open-ended contract.</source>
            <translation>Déjelo vacío si el contrato es indefinido.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Renewal and notice</source>
            <translation>Renovación y preaviso</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Renewal</source>
            <translation>Renovación</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Renews for (months)</source>
            <translation>Se renueva por (meses)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not&amp;ice (days)</source>
            <translation>Preaviso (días)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Billing</source>
            <translation>Facturación</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Billing</source>
            <translation>&amp;Facturación</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not billed</source>
            <translation>Sin facturar</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Billing da&amp;y</source>
            <translation>Día de fact&amp;uración</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Day of the month, 1 to 31 (in shorter months, the last day).</source>
            <translation>Día del mes, de 1 a 31 (en los meses más cortos, el último día).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A new contract is a draft, or active if it is already running; afterwards the status changes with the buttons below.</source>
            <translation>Un contrato nuevo es un borrador, o vigente si ya está en curso; después, el estado cambia con los botones de abajo.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Inde&amp;xation %</source>
            <translation>Inde&amp;xación %</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Lines</source>
            <translation>Líneas</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Notes</source>
            <translation>N&amp;otas</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Unsaved changes</source>
            <translation>Cambios sin guardar</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save or discard the changes to this contract first.</source>
            <translation>Guarde o descarte antes los cambios de este contrato.</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Su&amp;pplier</source>
            <translation>&amp;Proveedor</translation>
        </message>
    </context>
    <context>
        <name>CountActions</name>
        <message>
            <location filename="../../ui/inventory/count_actions.py" line="+26" />
            <source>Preparing the sheet…</source>
            <translation>Preparando la hoja…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Count sheet {0}</source>
            <translation>Hoja de recuento {0}</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Export count sheet</source>
            <translation>Exportar hoja de recuento</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Count sheet saved to {0}.</source>
            <translation>Hoja de recuento guardada en {0}.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Import counted quantities</source>
            <translation>Importar cantidades contadas</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CSV files (*.csv *.txt)</source>
            <translation>Archivos CSV (*.csv *.txt)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Importing…</source>
            <translation>Importando…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{0} counted quantities imported.</source>
            <translation>{0} cantidades contadas importadas.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>
…and {0} more.</source>
            <translation>
…y {0} más.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nothing was imported</source>
            <translation>No se ha importado nada</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not done</source>
            <translation>No realizado</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+67" />
            <source>Not posted</source>
            <translation>No registrado</translation>
        </message>
        <message>
            <location line="-66" />
            <source>{0} counted quantities are not saved (marked red). Type them again or clear them first.</source>
            <translation>{0} cantidades contadas no están guardadas (marcadas en rojo). Vuelva a escribirlas o bórrelas antes.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Still saving the counts; post again in a moment.</source>
            <translation>Todavía se están guardando los recuentos; vuelva a registrar dentro de un momento.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Lines not counted</source>
            <translation>Líneas sin contar</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{0} lines were not counted. What do they mean?</source>
            <translation>{0} líneas no se han contado. ¿Cómo deben tratarse?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Skip them: their stock stays as it is</source>
            <translation>Omitirlas: sus existencias no cambian</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Count them as zero: their stock goes to 0</source>
            <translation>Contarlas como cero: sus existencias pasan a 0</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Post {0}? Stock on hand in {1} becomes what was counted.</source>
            <translation>¿Registrar {0}? Las existencias de {1} pasarán a ser las contadas.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{0} adjustments ({1} up, {2} down); stock value changes by {3} €.</source>
            <translation>{0} ajustes ({1} al alza, {2} a la baja); el valor de existencias cambia en {3} €.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This cannot be undone.</source>
            <translation>Esta acción no se puede deshacer.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Post stock count</source>
            <translation>Registrar recuento de inventario</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Post</source>
            <translation>Registrar</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Posting {0}…</source>
            <translation>Registrando {0}…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Negative stock</source>
            <translation>Stock negativo</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Post anyway?</source>
            <translation>¿Registrar de todos modos?</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Posted {0}: {1} adjustments, stock value {2} €.</source>
            <translation>{0} registrado: {1} ajustes, variación del valor de existencias {2} €.</translation>
        </message>
    </context>
    <context>
        <name>CountLinesModel</name>
        <message>
            <location filename="../../ui/inventory/count_grid.py" line="+150" />
            <source>A counted quantity cannot be negative.</source>
            <translation>Una cantidad contada no puede ser negativa.</translation>
        </message>
        <message>
            <location line="+66" />
            <source>Not saved: {0}</source>
            <translation>No guardado: {0}</translation>
        </message>
    </context>
    <context>
        <name>Criteria</name>
        <message>
            <location filename="../../ui/reports/criteria.py" line="+49" />
            <source>&amp;From</source>
            <translation>&amp;Desde</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+68" />
            <source>&amp;To</source>
            <translation>&amp;Hasta</translation>
        </message>
        <message>
            <location line="-67" />
            <source>P&amp;eriod</source>
            <translation>&amp;Periodo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dates typed</source>
            <translation>Fechas introducidas</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This month</source>
            <translation>Este mes</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Last month</source>
            <translation>Mes anterior</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This quarter</source>
            <translation>Este trimestre</translation>
        </message>
        <message>
            <location line="+0" />
            <source>This year</source>
            <translation>Este año</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last year</source>
            <translation>Año anterior</translation>
        </message>
        <message>
            <location line="+4" />
            <source>C&amp;ustomer</source>
            <translation>&amp;Cliente</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All customers: type a name, code or NIF</source>
            <translation>Todos los clientes: escriba un nombre, código o NIF</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Series</source>
            <translation>&amp;Serie</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All series</source>
            <translation>Todas las series</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Warehouse</source>
            <translation>&amp;Almacén</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All warehouses</source>
            <translation>Todos los almacenes</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Department</source>
            <translation>Departa&amp;mento</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All departments</source>
            <translation>Todos los departamentos</translation>
        </message>
        <message>
            <location line="+51" />
            <source>&amp;As of</source>
            <translation>A &amp;fecha de</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Type a date.</source>
            <translation>Escriba una fecha.</translation>
        </message>
    </context>
    <context>
        <name>DashboardTab</name>
        <message>
            <location filename="../../ui/dashboard/tab.py" line="+62" />
            <source>&amp;Refresh</source>
            <translation>&amp;Actualizar</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Read the figures again (F5)</source>
            <translation>Volver a leer las cifras (F5)</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Sales by month (tax base)</source>
            <translation>Ventas por mes (base imponible)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Owed by customers, by days late</source>
            <translation>Deuda de clientes por días de retraso</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Top customers this year</source>
            <translation>Principales clientes de este año</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Top products, last {0} days</source>
            <translation>Productos más vendidos, últimos {0} días</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Stock value by warehouse</source>
            <translation>Valor de existencias por almacén</translation>
        </message>
        <message>
            <location line="+21" />
            <location line="+30" />
            <source>Reading the figures…</source>
            <translation>Leyendo las cifras…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Figures of {0} at {1}</source>
            <translation>Cifras del {0} a las {1}</translation>
        </message>
        <message>
            <location line="+17" />
            <source>The figures could not be read: {0}</source>
            <translation>No se han podido leer las cifras: {0}</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+2" />
            <source>Not available</source>
            <translation>No disponible</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Figures of {0}</source>
            <translation>Cifras del {0}</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Not yet due</source>
            <translation>No vencido</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Overdue</source>
            <translation>Vencido</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No products sold in the last {0} days.</source>
            <translation>No se ha vendido ningún producto en los últimos {0} días.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Nothing sold this year yet.</source>
            <translation>Aún no se ha vendido nada este año.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No warehouses yet.</source>
            <translation>Aún no hay almacenes.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Your login may not read these figures.</source>
            <translation>Su usuario no tiene permiso para ver estas cifras.</translation>
        </message>
    </context>
    <context>
        <name>DateField</name>
        <message>
            <location filename="../../ui/common/fields.py" line="+87" />
            <source>dd/mm/yyyy</source>
            <translation>dd/mm/aaaa</translation>
        </message>
    </context>
    <context>
        <name>Departments</name>
        <message>
            <location filename="../../ui/employees/lookup.py" line="+65" />
            <source>{0} (archived)</source>
            <translation>{0} (archivado)</translation>
        </message>
    </context>
    <context>
        <name>DepartmentsTab</name>
        <message>
            <location filename="../../ui/employees/departments.py" line="+31" />
            <location line="+6" />
            <source>department</source>
            <translation>departamento</translation>
        </message>
        <message>
            <location line="-3" />
            <source>departments</source>
            <translation>departamentos</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Code</source>
            <translation>Código</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Part of</source>
            <translation>Depende de</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Show archi&amp;ved</source>
            <translation>Mostrar archi&amp;vados</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Co&amp;de</source>
            <translation>&amp;Código</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Name</source>
            <translation>&amp;Nombre</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Part of</source>
            <translation>&amp;Depende de</translation>
        </message>
        <message>
            <location line="+0" />
            <source>(top level)</source>
            <translation>(nivel superior)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The department this one belongs to, for the organisation tree.</source>
            <translation>El departamento del que depende este, para el organigrama.</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <location filename="../../ui/common/dialogs.py" line="+12" />
            <source>Yes</source>
            <translation>Sí</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No</source>
            <translation>No</translation>
        </message>
    </context>
    <context>
        <name>DocumentDetails</name>
        <message>
            <location filename="../../ui/employees/documents.py" line="+17" />
            <source>Document</source>
            <translation>Documento</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Empty when it does not expire; an alert shows before it does.</source>
            <translation>Vacío si no caduca; se muestra un aviso antes de que caduque.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Kind</source>
            <translation>&amp;Tipo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Title</source>
            <translation>Tít&amp;ulo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>E&amp;xpires on</source>
            <translation>&amp;Caduca el</translation>
        </message>
    </context>
    <context>
        <name>DocumentsBox</name>
        <message>
            <location line="+46" />
            <location line="+13" />
            <source>Documents</source>
            <translation>Documentos</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Title</source>
            <translation>Título</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Expires</source>
            <translation>Caduca</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Size</source>
            <translation>Tamaño</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Add…</source>
            <translation>Añadir…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Open</source>
            <translation>Abrir</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Edit expiry…</source>
            <translation>Cambiar caducidad…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Change the expiry date, kind or title</source>
            <translation>Cambiar la fecha de caducidad, el tipo o el título</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove…</source>
            <translation>Quitar…</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Save the employee first to add documents.</source>
            <translation>Guarde antes el empleado para añadir documentos.</translation>
        </message>
        <message>
            <location line="+21" />
            <source>{0} (expired)</source>
            <translation>{0} (caducado)</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Adding {0}…</source>
            <translation>Añadiendo {0}…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Opening {0}…</source>
            <translation>Abriendo {0}…</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Saved {0}.</source>
            <translation>Se ha guardado {0}.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Remove document</source>
            <translation>Quitar documento</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove {0} from this employee's documents? It leaves the list and the expiry alerts.</source>
            <translation>¿Quitar {0} de los documentos de este empleado? Dejará de aparecer en la lista y en los avisos de caducidad.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Removed {0}.</source>
            <translation>Se ha quitado {0}.</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Added {0}.</source>
            <translation>Se ha añadido {0}.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Opened {0}.</source>
            <translation>Se ha abierto {0}.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No application on this computer opens {0}; a copy is at {1}.</source>
            <translation>Ninguna aplicación de este equipo abre {0}; hay una copia en {1}.</translation>
        </message>
    </context>
    <context>
        <name>EmployeesTab</name>
        <message>
            <location filename="../../ui/employees/tab.py" line="+46" />
            <source>&amp;Staff</source>
            <translation>&amp;Plantilla</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Departments</source>
            <translation>&amp;Departamentos</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Organisation</source>
            <translation>&amp;Organigrama</translation>
        </message>
        <message>
            <location line="+39" />
            <source>&amp;Leave</source>
            <translation>&amp;Ausencias</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Who is &amp;away</source>
            <translation>&amp;Quién está ausente</translation>
        </message>
    </context>
    <context>
        <name>ExpiringDocumentsDialog</name>
        <message>
            <location filename="../../ui/employees/expiring.py" line="+40" />
            <location line="+10" />
            <source>Expiring documents</source>
            <translation>Documentos por caducar</translation>
        </message>
        <message>
            <location line="-5" />
            <source>Reading…</source>
            <translation>Leyendo…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Employee</source>
            <translation>Empleado</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Document</source>
            <translation>Documento</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Expires on</source>
            <translation>Caduca el</translation>
        </message>
        <message>
            <location line="+1" />
            <source>When</source>
            <translation>Cuándo</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Enter or double-click opens the person's file.</source>
            <translation>Enter o doble clic abre la ficha de la persona.</translation>
        </message>
        <message>
            <location line="+61" />
            <source>No document expires within {0} days.</source>
            <translation>Ningún documento caduca en los próximos {0} días.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Expiring within {1} days or already expired: {0} ({2} expired). Soonest first.</source>
            <translation>Caducan en los próximos {1} días o ya han caducado: {0} ({2} caducados). Primero los más próximos.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The expiring documents could not be read: {0}</source>
            <translation>No se han podido leer los documentos por caducar: {0}</translation>
        </message>
    </context>
    <context>
        <name>FileField</name>
        <message>
            <location filename="../../ui/profiles_dialog.py" line="+159" />
            <source>&amp;Browse…</source>
            <translation>&amp;Examinar…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Certificates (*.crt *.pem *.cer)</source>
            <translation>Certificados (*.crt *.pem *.cer)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All files (*)</source>
            <translation>Todos los archivos (*)</translation>
        </message>
    </context>
    <context>
        <name>FileJobs</name>
        <message>
            <location filename="../../ui/common/file_jobs.py" line="+38" />
            <source>The file could not be read or written: {0}</source>
            <translation>No se ha podido leer o escribir el archivo: {0}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Failed: {0}</source>
            <translation>Error: {0}</translation>
        </message>
    </context>
    <context>
        <name>HistoryDialog</name>
        <message>
            <location filename="../../ui/common/history_dialog.py" line="+38" />
            <source>History</source>
            <translation>Historial</translation>
        </message>
        <message>
            <location line="+14" />
            <source>History — {0}</source>
            <translation>Historial — {0}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>When</source>
            <translation>Cuándo</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Who</source>
            <translation>Quién</translation>
        </message>
        <message>
            <location line="+0" />
            <source>What</source>
            <translation>Qué</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Field</source>
            <translation>Campo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Before</source>
            <translation>Antes</translation>
        </message>
        <message>
            <location line="+0" />
            <source>After</source>
            <translation>Después</translation>
        </message>
        <message>
            <location line="+15" />
            <source>{0} changes, newest first. Restricted values show as ***.</source>
            <translation>{0} cambios, los más recientes primero. Los valores restringidos se muestran como ***.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No changes recorded for this record yet.</source>
            <translation>Aún no hay cambios registrados en esta ficha.</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Restricted: the trail never holds the value.</source>
            <translation>Restringido: el historial nunca guarda este valor.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Created</source>
            <translation>Creación</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Changed</source>
            <translation>Modificación</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Archived</source>
            <translation>Archivado</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Restored</source>
            <translation>Restauración</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Deleted</source>
            <translation>Eliminación</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{0}: {1}</source>
            <translation>{0}: {1}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Line</source>
            <translation>Línea</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment</source>
            <translation>Cobro</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Address</source>
            <translation>Dirección</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Attachment</source>
            <translation>Adjunto</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Event</source>
            <translation>Evento</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Billed period</source>
            <translation>Periodo facturado</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Stock rule</source>
            <translation>Regla de existencias</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stock move</source>
            <translation>Movimiento de existencias</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Document</source>
            <translation>Documento</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Leave</source>
            <translation>Ausencia</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Leave allowance</source>
            <translation>Cupo de vacaciones</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Audit entry</source>
            <translation>Entrada de auditoría</translation>
        </message>
        <message>
            <location line="+0" />
            <source>VERI*FACTU record</source>
            <translation>Registro VERI*FACTU</translation>
        </message>
    </context>
    <context>
        <name>HolidaysDialog</name>
        <message>
            <location filename="../../ui/employees/leave_settings.py" line="-191" />
            <location line="+7" />
            <source>Holidays</source>
            <translation>Festivos</translation>
        </message>
        <message>
            <location line="-4" />
            <source>&amp;Year</source>
            <translation>&amp;Año</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Date</source>
            <translation>Fecha</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Holiday</source>
            <translation>Festivo</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Date</source>
            <translation>&amp;Fecha</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Name</source>
            <translation>&amp;Nombre</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. Fiesta del Pilar</source>
            <translation>p. ej. Fiesta del Pilar</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Add</source>
            <translation>Aña&amp;dir</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Remove…</source>
            <translation>&amp;Quitar…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Weekends and these days are not counted as leave. Requests already made keep the days counted when they were made.</source>
            <translation>Los fines de semana y estos días no cuentan como ausencia. Las solicitudes ya hechas conservan los días contados en su momento.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Only HR staff change the holiday calendar.</source>
            <translation>Solo el personal de RR. HH. puede cambiar el calendario de festivos.</translation>
        </message>
        <message>
            <location line="+69" />
            <source>Remove holiday</source>
            <translation>Quitar festivo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove {0} ({1}) from the holidays? Requests already made keep their days.</source>
            <translation>¿Quitar {0} ({1}) de los festivos? Las solicitudes ya hechas conservan sus días.</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <location filename="../../ui/inventory/import_dialog.py" line="+104" />
            <location line="+73" />
            <location line="+121" />
            <source>Import products</source>
            <translation>Importar productos</translation>
        </message>
        <message>
            <location line="-188" />
            <source>A CSV file with at least the columns SKU and name</source>
            <translation>Un archivo CSV con al menos las columnas SKU y nombre</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Choose file…</source>
            <translation>&amp;Elegir archivo…</translation>
        </message>
        <message>
            <location line="+29" />
            <source>&amp;Update products whose SKU exists</source>
            <translation>&amp;Actualizar los productos cuyo SKU ya existe</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Otherwise a row whose SKU is already in the catalogue is an error.</source>
            <translation>Si no, una fila cuyo SKU ya está en el catálogo se considera un error.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>S&amp;kip the rows with errors</source>
            <translation>&amp;Omitir las filas con errores</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Import</source>
            <translation>&amp;Importar</translation>
        </message>
        <message>
            <location line="+32" />
            <source>CSV files (*.csv *.txt)</source>
            <translation>Archivos CSV (*.csv *.txt)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>All files (*)</source>
            <translation>Todos los archivos (*)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The file is larger than 50 MB; is it really a product list?</source>
            <translation>El archivo ocupa más de 50 MB; ¿seguro que es una lista de productos?</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The file cannot be read: {0}</source>
            <translation>No se puede leer el archivo: {0}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Reading the file…</source>
            <translation>Leyendo el archivo…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Checking the rows again…</source>
            <translation>Volviendo a comprobar las filas…</translation>
        </message>
        <message>
            <location line="+52" />
            <source>This file cannot be imported:</source>
            <translation>Este archivo no se puede importar:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{rows} rows ({encoding}, separator {sep}): {new} new, {updates} to update, {errors} with errors.</source>
            <translation>{rows} filas ({encoding}, separador {sep}): {new} nuevas, {updates} para actualizar, {errors} con errores.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>tab</source>
            <translation>tabulador</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Columns left out: {0}.</source>
            <translation>Columnas ignoradas: {0}.</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Importing…</source>
            <translation>Importando…</translation>
        </message>
        <message>
            <location line="+20" />
            <location line="+6" />
            <source>Nothing imported</source>
            <translation>No se ha importado nada</translation>
        </message>
        <message>
            <location line="-5" />
            <source>Some rows are no longer right; nothing was imported. Check the list again.</source>
            <translation>Algunas filas ya no son correctas; no se ha importado nada. Vuelva a revisar la lista.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The import failed: {0}</source>
            <translation>La importación ha fallado: {0}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Imported {new} new products and updated {updated}; {skipped} rows with errors were skipped.</source>
            <translation>Se han importado {new} productos nuevos y se han actualizado {updated}; se han omitido {skipped} filas con errores.</translation>
        </message>
    </context>
    <context>
        <name>InventoryTab</name>
        <message>
            <location filename="../../ui/inventory/tab.py" line="+39" />
            <source>&amp;Products</source>
            <translation>&amp;Productos</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stock &amp;moves</source>
            <translation>&amp;Movimientos de existencias</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Warehouses</source>
            <translation>&amp;Almacenes</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stock co&amp;unts</source>
            <translation>&amp;Recuentos de inventario</translation>
        </message>
    </context>
    <context>
        <name>InvoicesTab</name>
        <message>
            <location filename="../../ui/invoices/tab.py" line="+55" />
            <location line="+6" />
            <source>invoice</source>
            <translation>factura</translation>
        </message>
        <message>
            <location line="-3" />
            <source>invoices</source>
            <translation>facturas</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+4" />
            <source>Draft</source>
            <translation>Borrador</translation>
        </message>
        <message>
            <location line="-4" />
            <location line="+6" />
            <source>Posted</source>
            <translation>Emitida</translation>
        </message>
        <message>
            <location line="-5" />
            <location line="+4" />
            <source>Cancelled</source>
            <translation>Anulada</translation>
        </message>
        <message>
            <location line="-1" />
            <source>Unpaid</source>
            <translation>Pendiente</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Partly paid</source>
            <translation>Cobrada en parte</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Paid</source>
            <translation>Cobrada</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Overdue</source>
            <translation>Vencida</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Invoice</source>
            <translation>Factura</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Simplified</source>
            <translation>Simplificada</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit note</source>
            <translation>Rectificativa</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Number</source>
            <translation>Número</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Date</source>
            <translation>Fecha</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Customer</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <location line="+1" />
            <source>NIF</source>
            <translation>NIF</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Base</source>
            <translation>Base</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Due</source>
            <translation>Vencimiento</translation>
        </message>
        <message>
            <location line="+15" />
            <source>All statuses</source>
            <translation>Todos los estados</translation>
        </message>
        <message>
            <location line="+7" />
            <source>C&amp;ustomer</source>
            <translation>&amp;Cliente</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Type part of the name or NIF</source>
            <translation>Escriba parte del nombre o del NIF</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Kind</source>
            <translation>&amp;Tipo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Se&amp;ries</source>
            <translation>&amp;Serie</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Default series</source>
            <translation>Serie predeterminada</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Issue &amp;date</source>
            <translation>&amp;Fecha de expedición</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Due da&amp;te</source>
            <translation>&amp;Vencimiento</translation>
        </message>
        <message>
            <location line="+1" />
            <source>From the payment terms</source>
            <translation>Según las condiciones de pago</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Warehouse</source>
            <translation>Al&amp;macén</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Default warehouse</source>
            <translation>Almacén predeterminado</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stock</source>
            <translation>Existencias</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Mo&amp;ves stock</source>
            <translation>Mover e&amp;xistencias</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Posting delivers the products of this invoice from the warehouse (a credit note takes them back into it). Untick it when the goods left on a delivery note, or a credit note only corrects a price.</source>
            <translation>Al emitirla, los productos de esta factura salen del almacén (una factura rectificativa los devuelve a él). Desmárquelo si la mercancía salió con un albarán o si la rectificativa solo corrige un precio.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Notes</source>
            <translation>&amp;Notas</translation>
        </message>
        <message>
            <location line="+20" />
            <location line="+219" />
            <source>&amp;Lines (Enter moves on, Delete removes a line)</source>
            <translation>&amp;Líneas (Enter avanza, Delete quita una línea)</translation>
        </message>
        <message>
            <location line="-217" />
            <source>Lines</source>
            <translation>Líneas</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Delete dr&amp;aft…</source>
            <translation>Eliminar &amp;borrador…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete this draft (Delete)</source>
            <translation>Eliminar este borrador (Delete)</translation>
        </message>
        <message>
            <location line="+32" />
            <source>A posted invoice cannot be changed; correct it with a credit note.</source>
            <translation>Una factura emitida no se puede modificar; corríjala con una factura rectificativa.</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Cannot delete</source>
            <translation>No se puede eliminar</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invoice {number} is {status}: posted invoices are kept for ever and cannot be deleted. Correct a posted invoice with a credit note.</source>
            <translation>La factura {number} está {status}: las facturas emitidas se conservan siempre y no se pueden eliminar. Corrija una factura emitida con una factura rectificativa.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Delete draft</source>
            <translation>Eliminar borrador</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete the draft invoice for {customer} of {date} ({total})? This cannot be undone.</source>
            <translation>¿Eliminar el borrador de factura de {customer} del {date} ({total})? No se puede deshacer.</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+19" />
            <location line="+39" />
            <source>no customer</source>
            <translation>sin cliente</translation>
        </message>
        <message>
            <location line="-52" />
            <location line="+5" />
            <source>Not deleted</source>
            <translation>No se ha eliminado</translation>
        </message>
        <message>
            <location line="-4" />
            <source>Someone else changed this draft a moment ago. Look at it again before deleting it.</source>
            <translation>Otra persona acaba de modificar este borrador. Revíselo de nuevo antes de eliminarlo.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Deleted the draft for {0}.</source>
            <translation>Se ha eliminado el borrador de {0}.</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Draft {kind} · {who}</source>
            <translation>Borrador ({kind}) · {who}</translation>
        </message>
        <message>
            <location line="+57" />
            <source>This invoice is {status}: it cannot be changed. Corrections are made with a credit note.</source>
            <translation>Esta factura está {status}: no se puede modificar. Las correcciones se hacen con una factura rectificativa.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Lines</source>
            <translation>&amp;Líneas</translation>
        </message>
    </context>
    <context>
        <name>KpiTile</name>
        <message>
            <location filename="../../ui/dashboard/tiles.py" line="+49" />
            <location line="+30" />
            <source>Loading…</source>
            <translation>Cargando…</translation>
        </message>
        <message>
            <location line="-8" />
            <source>Opens {0} (click, Enter or Space)</source>
            <translation>Abre {0} (clic, Enter o Space)</translation>
        </message>
    </context>
    <context>
        <name>Language</name>
        <message>
            <location filename="../../ui/i18n.py" line="+107" />
            <source>&amp;Language</source>
            <translation>&amp;Idioma</translation>
        </message>
        <message>
            <location line="+4" />
            <source>System language ({0})</source>
            <translation>Idioma del sistema ({0})</translation>
        </message>
    </context>
    <context>
        <name>LazyTableModel</name>
        <message>
            <location filename="../../ui/common/table_model.py" line="+201" />
            <source>The list could not be read: {0}</source>
            <translation>No se ha podido leer la lista: {0}</translation>
        </message>
    </context>
    <context>
        <name>LeaveRequestDialog</name>
        <message>
            <location filename="../../ui/employees/leave_request.py" line="+15" />
            <source>New leave request</source>
            <translation>Nueva solicitud de ausencia</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Employee</source>
            <translation>&amp;Empleado</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Type part of the name, code or NIF</source>
            <translation>Escriba parte del nombre, el código o el NIF</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Kind</source>
            <translation>&amp;Tipo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;From</source>
            <translation>&amp;Desde</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;To</source>
            <translation>&amp;Hasta</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Half a day (from and to the same day)</source>
            <translation>Media &amp;jornada (desde y hasta el mismo día)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Reason</source>
            <translation>&amp;Motivo</translation>
        </message>
        <message>
            <location line="+39" />
            <source>Check this request</source>
            <translation>Revise esta solicitud</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save the request anyway?</source>
            <translation>¿Guardar la solicitud de todos modos?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save anyway</source>
            <translation>Guardar igualmente</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Go back</source>
            <translation>Volver</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not saved: change the dates, or save anyway.</source>
            <translation>No se ha guardado: cambie las fechas o guárdela igualmente.</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Only HR staff record the reason of a sick leave</source>
            <translation>Solo el personal de RR. HH. anota el motivo de una baja por enfermedad</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Optional</source>
            <translation>Opcional</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Confidential: shown to HR only; every reading is recorded.</source>
            <translation>Confidencial: solo lo ve RR. HH.; cada consulta queda registrada.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Weekends and holidays are not counted.</source>
            <translation>No se cuentan los fines de semana ni los festivos.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Working days: {0}</source>
            <translation>Días laborables: {0}</translation>
        </message>
    </context>
    <context>
        <name>LeaveTab</name>
        <message>
            <location filename="../../ui/employees/leave_tab.py" line="+61" />
            <source>requests</source>
            <translation>solicitudes</translation>
        </message>
        <message>
            <location line="+0" />
            <source>request</source>
            <translation>solicitud</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;New request…</source>
            <translation>&amp;Nueva solicitud…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Ask for days off (Ctrl+N)</source>
            <translation>Pedir días libres (Ctrl+N)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A&amp;pprove</source>
            <translation>A&amp;probar</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Approve the request</source>
            <translation>Aprobar la solicitud</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Re&amp;ject…</source>
            <translation>Rec&amp;hazar…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reject the request</source>
            <translation>Rechazar la solicitud</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Cancel request…</source>
            <translation>&amp;Cancelar solicitud…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel a request or approved leave; its days go back (Delete)</source>
            <translation>Cancelar una solicitud o una ausencia aprobada; sus días se devuelven (Delete)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hol&amp;idays…</source>
            <translation>&amp;Festivos…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The company's holidays, which are not counted as leave</source>
            <translation>Los festivos de la empresa, que no cuentan como ausencia</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Allo&amp;wance…</source>
            <translation>Cupo de &amp;vacaciones…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>An employee's vacation days for a year</source>
            <translation>Los días de vacaciones de un empleado en un año</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Request</source>
            <translation>Solicitud</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Show &amp;reason</source>
            <translation>Ver &amp;motivo</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Shown to HR only; each showing is recorded</source>
            <translation>Solo lo ve RR. HH.; cada consulta queda registrada</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Code</source>
            <translation>Código</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Employee</source>
            <translation>Empleado</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Department</source>
            <translation>Departamento</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <location line="+1" />
            <source>From</source>
            <translation>Desde</translation>
        </message>
        <message>
            <location line="+1" />
            <source>To</source>
            <translation>Hasta</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Days</source>
            <translation>Días</translation>
        </message>
        <message>
            <location line="+13" />
            <source>All statuses</source>
            <translation>Todos los estados</translation>
        </message>
        <message>
            <location line="+2" />
            <source>All kinds</source>
            <translation>Todos los tipos</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All departments</source>
            <translation>Todos los departamentos</translation>
        </message>
        <message>
            <location line="+2" />
            <source>To decide by &amp;me</source>
            <translation>Pendientes de mi &amp;decisión</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Requests waiting for your decision</source>
            <translation>Solicitudes que esperan su decisión</translation>
        </message>
        <message>
            <location line="+62" />
            <source>Leave requested: {0}.</source>
            <translation>Ausencia solicitada: {0}.</translation>
        </message>
        <message>
            <location line="+10" />
            <location line="+1" />
            <source>Reject</source>
            <translation>Rechazar</translation>
        </message>
        <message>
            <location line="-1" />
            <source>Reject the request of {0}?</source>
            <translation>¿Rechazar la solicitud de {0}?</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+10" />
            <source>Keep it</source>
            <translation>Mantenerla</translation>
        </message>
        <message>
            <location line="-2" />
            <location line="+2" />
            <source>Cancel leave</source>
            <translation>Cancelar ausencia</translation>
        </message>
        <message>
            <location line="-1" />
            <source>Cancel the leave of {0}? Its days go back to the balance.</source>
            <translation>¿Cancelar la ausencia de {0}? Sus días vuelven al saldo.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Allowance saved.</source>
            <translation>Cupo de vacaciones guardado.</translation>
        </message>
        <message>
            <location line="+13" />
            <location line="+95" />
            <source>Reason: {0}</source>
            <translation>Motivo: {0}</translation>
        </message>
        <message>
            <location line="-95" />
            <source>none given</source>
            <translation>no indicado</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Reason shown; the showing is recorded.</source>
            <translation>Motivo mostrado; la consulta queda registrada.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Not approved</source>
            <translation>No se ha aprobado</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Not rejected</source>
            <translation>No se ha rechazado</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not cancelled</source>
            <translation>No se ha cancelado</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Check this request</source>
            <translation>Revise esta solicitud</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Approve it anyway?</source>
            <translation>¿Aprobarla de todos modos?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Approve anyway</source>
            <translation>Aprobar igualmente</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Go back</source>
            <translation>Volver</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not approved.</source>
            <translation>No se ha aprobado.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{0}
The list is read again.</source>
            <translation>{0}
Se vuelve a leer la lista.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Approved: {0}.</source>
            <translation>Aprobada: {0}.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Rejected: {0}.</source>
            <translation>Rechazada: {0}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled: {0}.</source>
            <translation>Cancelada: {0}.</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Select a request to see the employee's vacation balance.</source>
            <translation>Seleccione una solicitud para ver el saldo de vacaciones del empleado.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>, half day</source>
            <translation>, media jornada</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{who}: {kind}, {start} to {end} ({days} working days{half}), {status}</source>
            <translation>{who}: {kind}, del {start} al {end} ({days} días laborables{half}), {status}</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Reason: confidential (HR only).</source>
            <translation>Motivo: confidencial (solo RR. HH.).</translation>
        </message>
    </context>
    <context>
        <name>LifecycleBox</name>
        <message>
            <location filename="../../ui/contracts/lifecycle.py" line="+71" />
            <source>Status and history</source>
            <translation>Estado e historial</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Acti&amp;vate</source>
            <translation>Acti&amp;var</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Give notice…</source>
            <translation>Dar pr&amp;eaviso…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Rene&amp;w…</source>
            <translation>Re&amp;novar…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Ter&amp;minate…</source>
            <translation>Rescin&amp;dir…</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Created</source>
            <translation>Creado</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Activated</source>
            <translation>Activado</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notice given</source>
            <translation>Preaviso comunicado</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Renewed</source>
            <translation>Renovado</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Prices indexed</source>
            <translation>Precios actualizados</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Ended</source>
            <translation>Finalizado</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Terminated</source>
            <translation>Rescindido</translation>
        </message>
        <message>
            <location line="+5" />
            <source>: {0} to {1}</source>
            <translation>: del {0} al {1}</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Not activated</source>
            <translation>No se ha activado</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Contract activated.</source>
            <translation>Contrato activado.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Notice &amp;given on</source>
            <translation>&amp;Fecha del preaviso</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+16" />
            <source>N&amp;ote</source>
            <translation>N&amp;ota</translation>
        </message>
        <message>
            <location line="-13" />
            <source>For this period, notice is due by {0}.</source>
            <translation>En este periodo, el preaviso debe darse como tarde el {0}.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Give notice</source>
            <translation>Dar preaviso</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Notice recorded: the contract ends at its end date.</source>
            <translation>Preaviso registrado: el contrato terminará en su fecha de fin.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Raise prices by (&amp;%)</source>
            <translation>Subida de precios (&amp;%)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>For example the CPI (IPC). Leave 0 for no change.</source>
            <translation>Por ejemplo, el IPC. Deje 0 para no cambiarlos.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Renew</source>
            <translation>Renovar</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Contract renewed.</source>
            <translation>Contrato renovado.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Ends on</source>
            <translation>&amp;Termina el</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Reason</source>
            <translation>&amp;Motivo</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Terminate</source>
            <translation>Rescindir</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Contract terminated.</source>
            <translation>Contrato rescindido.</translation>
        </message>
    </context>
    <context>
        <name>LinesDelegate</name>
        <message>
            <location filename="../../ui/invoices/lines_editor.py" line="+169" />
            <source>No product with the EAN {0}; a quantity is at most {1}.</source>
            <translation>Ningún producto tiene el EAN {0}; una cantidad no puede pasar de {1}.</translation>
        </message>
        <message>
            <location line="+32" />
            <source>No product with the SKU or EAN {0}: type part of its SKU, name or EAN and choose a suggestion.</source>
            <translation>Ningún producto tiene el SKU o EAN {0}: escriba parte de su SKU, nombre o EAN y elija una sugerencia.</translation>
        </message>
    </context>
    <context>
        <name>LinesEditor</name>
        <message>
            <location filename="../../ui/contracts/lines.py" line="+33" />
            <source>Line {0}</source>
            <translation>Línea {0}</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Description</source>
            <translation>Descripción</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Quantity</source>
            <translation>Cantidad</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Unit price</source>
            <translation>Precio unitario</translation>
        </message>
        <message>
            <location line="+1" />
            <source>IVA</source>
            <translation>IVA</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Add &amp;line</source>
            <translation>A&amp;ñadir línea</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remove line</source>
            <translation>Quitar línea</translation>
        </message>
        <message>
            <location line="+82" />
            <source>(other rate)</source>
            <translation>(otro tipo)</translation>
        </message>
    </context>
    <context>
        <name>LinesView</name>
        <message>
            <location filename="../../ui/invoices/lines_editor.py" line="+117" />
            <source>Line {n}, {column}: {message}</source>
            <translation>Línea {n}, {column}: {message}</translation>
        </message>
    </context>
    <context>
        <name>ListPanel</name>
        <message>
            <location filename="../../ui/common/list_panel.py" line="+74" />
            <source>Search… (Ctrl+F)</source>
            <translation>Buscar… (Ctrl+F)</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Remove these filters</source>
            <translation>Quitar estos filtros</translation>
        </message>
        <message>
            <location line="+87" />
            <source>From dd/mm/yyyy</source>
            <translation>Desde dd/mm/aaaa</translation>
        </message>
        <message>
            <location line="+0" />
            <source>To dd/mm/yyyy</source>
            <translation>Hasta dd/mm/aaaa</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Filtered: {0}</source>
            <translation>Filtrado: {0}</translation>
        </message>
        <message>
            <location line="+103" />
            <source>Counting…</source>
            <translation>Contando…</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+8" />
            <source>Nothing found</source>
            <translation>Sin resultados</translation>
        </message>
        <message>
            <location line="+2" />
            <source>1 {thing}</source>
            <translation>1 {thing}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>1 found</source>
            <translation>1 resultado</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{n} {things}</source>
            <translation>{n} {things}</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../../ui/login_dialog.py" line="+44" />
            <source>Log in to {0}</source>
            <translation>Iniciar sesión en {0}</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Server {0}, port {1}, database {2}; TLS {3}</source>
            <translation>Servidor {0}, puerto {1}, base de datos {2}; TLS {3}</translation>
        </message>
        <message>
            <location line="+11" />
            <source>&amp;Remember me on this computer</source>
            <translation>&amp;Recordarme en este equipo</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The password is kept in this computer's keyring, never in a file.</source>
            <translation>La contraseña se guarda en el almacén de credenciales de este equipo, nunca en un archivo.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This computer has no keyring to keep the password in: you will be asked for it each time.</source>
            <translation>Este equipo no tiene un almacén de credenciales donde guardar la contraseña: se le pedirá cada vez.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;User</source>
            <translation>&amp;Usuario</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Password</source>
            <translation>&amp;Contraseña</translation>
        </message>
        <message>
            <location line="+18" />
            <source>&amp;Log in</source>
            <translation>&amp;Iniciar sesión</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Work &amp;offline</source>
            <translation>Trabajar &amp;sin conexión</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Work on this computer's copy; your changes are sent when the server answers again</source>
            <translation>Trabajar con la copia de este equipo; sus cambios se enviarán cuando el servidor vuelva a responder</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Type your user name.</source>
            <translation>Escriba su nombre de usuario.</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Cannot log in: {0}</source>
            <translation>No se puede iniciar sesión: {0}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>You can work offline on this computer's copy meanwhile.</source>
            <translation>Mientras tanto, puede trabajar sin conexión con la copia de este equipo.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Connecting to {0}…</source>
            <translation>Conectando con {0}…</translation>
        </message>
    </context>
    <context>
        <name>LogoField</name>
        <message>
            <location filename="../../ui/common/logo_field.py" line="+35" />
            <source>Logo…</source>
            <translation>Logotipo…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A PNG or JPEG file of at most 2 MB, printed at the top of invoices.</source>
            <translation>Un archivo PNG o JPEG de 2 MB como máximo, que se imprime en la cabecera de las facturas.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Company logo</source>
            <translation>Logotipo de la empresa</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PNG or JPEG images (*.png *.jpg *.jpeg)</source>
            <translation>Imágenes PNG o JPEG (*.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>All files (*)</source>
            <translation>Todos los archivos (*)</translation>
        </message>
        <message>
            <location line="+24" />
            <source>No logo</source>
            <translation>Sin logotipo</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Logo (no preview)</source>
            <translation>Logotipo (sin vista previa)</translation>
        </message>
    </context>
    <context>
        <name>LookupField</name>
        <message>
            <location filename="../../ui/common/fields.py" line="+95" />
            <source>Choose one of the suggestions.</source>
            <translation>Elija una de las sugerencias.</translation>
        </message>
        <message>
            <location line="+62" />
            <source>Nothing matches {0}: check the code, or type part of the name and choose a suggestion.</source>
            <translation>Nada coincide con {0}: revise el código o escriba parte del nombre y elija una sugerencia.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="+44" />
            <source>Database: {0}</source>
            <translation>Base de datos: {0}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>User: {0}</source>
            <translation>Usuario: {0}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Local file</source>
            <translation>Archivo local</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Connected</source>
            <translation>Conectado</translation>
        </message>
        <message>
            <location line="+28" />
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;New</source>
            <translation>&amp;Nuevo</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Save</source>
            <translation>&amp;Guardar</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Close form</source>
            <translation>&amp;Cerrar ficha</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Pre&amp;view…</source>
            <translation>&amp;Vista previa…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Print…</source>
            <translation>&amp;Imprimir…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>E&amp;xport list…</source>
            <translation>E&amp;xportar lista…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rep&amp;orts…</source>
            <translation>In&amp;formes…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Compan&amp;y details…</source>
            <translation>&amp;Datos de la empresa…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invoice s&amp;eries…</source>
            <translation>S&amp;eries de factura…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Switch &amp;profile…</source>
            <translation>Cambiar de &amp;perfil…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Edit</source>
            <translation>&amp;Edición</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Find</source>
            <translation>&amp;Buscar</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Archive…</source>
            <translation>&amp;Archivar…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;View</source>
            <translation>&amp;Ver</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Refresh</source>
            <translation>&amp;Actualizar</translation>
        </message>
        <message>
            <location line="+14" />
            <source>&amp;Help</source>
            <translation>Ay&amp;uda</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;About Trastienda</source>
            <translation>&amp;Acerca de Trastienda</translation>
        </message>
        <message>
            <location line="+74" />
            <source>{0} contracts need attention</source>
            <translation>{0} contratos requieren atención</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{0} contracts renewed or ended since last time.</source>
            <translation>{0} contratos renovados o finalizados desde la última vez.</translation>
        </message>
        <message>
            <location line="+27" />
            <source>{0} leave requests to decide, {1} documents expiring soon</source>
            <translation>{0} solicitudes de ausencia por decidir, {1} documentos a punto de caducar</translation>
        </message>
        <message>
            <location line="+29" />
            <source>About Trastienda</source>
            <translation>Acerca de Trastienda</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Trastienda {0}
Contracts, invoices, inventory and employees.</source>
            <translation>Trastienda {0}
Contratos, facturas, inventario y empleados.</translation>
        </message>
    </context>
    <context>
        <name>OfflineBanner</name>
        <message>
            <location filename="../../ui/sync/banner.py" line="-81" />
            <source>Try the server &amp;now</source>
            <translation>Probar el servidor &amp;ahora</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Send the waiting changes now if the server answers (Ctrl+Shift+Y)</source>
            <translation>Enviar ahora los cambios pendientes si el servidor responde (Ctrl+Shift+Y)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Log in…</source>
            <translation>&amp;Iniciar sesión…</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Working offline on this computer's copy: {0} changes waiting to be sent.</source>
            <translation>Trabajando sin conexión con la copia de este equipo: {0} cambios pendientes de enviar.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Working offline on this computer's copy: 1 change waiting to be sent.</source>
            <translation>Trabajando sin conexión con la copia de este equipo: 1 cambio pendiente de enviar.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The server answers: sending them now…</source>
            <translation>El servidor responde: enviándolos ahora…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The server is back but did not accept the password: log in to send them.</source>
            <translation>El servidor ha vuelto, pero no ha aceptado la contraseña: inicie sesión para enviarlos.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{0} changes could not be applied as they were: review them.</source>
            <translation>{0} cambios no se han podido aplicar tal como estaban: revíselos.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>1 change could not be applied as it was: review it.</source>
            <translation>1 cambio no se ha podido aplicar tal como estaba: revíselo.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Review &amp;conflicts ({0})…</source>
            <translation>Revisar &amp;conflictos ({0})…</translation>
        </message>
    </context>
    <context>
        <name>OfflineController</name>
        <message>
            <location filename="../../ui/sync/controller.py" line="+131" />
            <source>The server is not answering.</source>
            <translation>El servidor no responde.</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Not synced at {0}: {1}</source>
            <translation>No se ha sincronizado a las {0}: {1}</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The sync failed: {0}</source>
            <translation>La sincronización ha fallado: {0}</translation>
        </message>
    </context>
    <context>
        <name>OrgTreeTab</name>
        <message>
            <location filename="../../ui/employees/org_tree.py" line="+38" />
            <source>Department / person</source>
            <translation>Departamento / persona</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Code</source>
            <translation>Código</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Organisation tree</source>
            <translation>Organigrama</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Refresh</source>
            <translation>&amp;Actualizar</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Read the departments and staff again (F5)</source>
            <translation>Volver a leer los departamentos y la plantilla (F5)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Current staff by department. Double-click a person to open their file.</source>
            <translation>Plantilla actual por departamento. Haga doble clic en una persona para abrir su ficha.</translation>
        </message>
        <message>
            <location line="+38" />
            <source>The organisation could not be read: {0}</source>
            <translation>No se ha podido leer el organigrama: {0}</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Manages 1 person</source>
            <translation>Dirige a 1 persona</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Manages {0} people</source>
            <translation>Dirige a {0} personas</translation>
        </message>
        <message>
            <location line="+10" />
            <source>{0} (archived)</source>
            <translation>{0} (archivado)</translation>
        </message>
        <message>
            <location line="+16" />
            <source>No department</source>
            <translation>Sin departamento</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{0} departments, {1} people</source>
            <translation>{0} departamentos, {1} personas</translation>
        </message>
    </context>
    <context>
        <name>PartiesTab</name>
        <message>
            <location filename="../../ui/parties/tab.py" line="+24" />
            <location line="+6" />
            <source>customer or supplier</source>
            <translation>cliente o proveedor</translation>
        </message>
        <message>
            <location line="-3" />
            <source>customers and suppliers</source>
            <translation>clientes y proveedores</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Code</source>
            <translation>Código</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Trade name</source>
            <translation>Nombre comercial</translation>
        </message>
        <message>
            <location line="+1" />
            <source>NIF</source>
            <translation>NIF</translation>
        </message>
        <message>
            <location line="+1" />
            <source>City</source>
            <translation>Población</translation>
        </message>
        <message>
            <location line="+1" />
            <source>E-mail</source>
            <translation>Correo electrónico</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+30" />
            <source>Phone</source>
            <translation>Teléfono</translation>
        </message>
        <message>
            <location line="-20" />
            <source>Customers and suppliers</source>
            <translation>Clientes y proveedores</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Customers</source>
            <translation>Clientes</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Suppliers</source>
            <translation>Proveedores</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Name</source>
            <translation>&amp;Nombre</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Trade name</source>
            <translation>Nombre co&amp;mercial</translation>
        </message>
        <message>
            <location line="+1" />
            <source>N&amp;IF / VAT</source>
            <translation>N&amp;IF / NIF-IVA</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Customer</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <location line="+0" />
            <source>We sell to them</source>
            <translation>Le vendemos</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supplier</source>
            <translation>Proveedor</translation>
        </message>
        <message>
            <location line="+0" />
            <source>We buy from them</source>
            <translation>Le compramos</translation>
        </message>
        <message>
            <location line="+1" />
            <source>C&amp;ode</source>
            <translation>Có&amp;digo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Given automatically</source>
            <translation>Se asigna automáticamente</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>Dirección</translation>
        </message>
        <message>
            <location line="+1" />
            <source>St&amp;reet</source>
            <translation>Di&amp;rección</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Postal code</source>
            <translation>Código &amp;postal</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cit&amp;y</source>
            <translation>Po&amp;blación</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Province</source>
            <translation>Provincia</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Country</source>
            <translation>País</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Contact and payment</source>
            <translation>Contacto y pago</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;E-mail</source>
            <translation>Corr&amp;eo electrónico</translation>
        </message>
        <message>
            <location line="+2" />
            <source>IBAN</source>
            <translation>IBAN</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment ter&amp;ms</source>
            <translation>Condiciones de pag&amp;o</translation>
        </message>
        <message>
            <location line="+0" />
            <source>On receipt</source>
            <translation>Al contado</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Spanish</source>
            <translation>Español</translation>
        </message>
        <message>
            <location line="+0" />
            <source>English</source>
            <translation>Inglés</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Catalan</source>
            <translation>Catalán</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Basque</source>
            <translation>Euskera</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Galician</source>
            <translation>Gallego</translation>
        </message>
        <message>
            <location line="+0" />
            <source>French</source>
            <translation>Francés</translation>
        </message>
        <message>
            <location line="+1" />
            <source>German</source>
            <translation>Alemán</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Italian</source>
            <translation>Italiano</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Portuguese</source>
            <translation>Portugués</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invoice &amp;language</source>
            <translation>Idioma de &amp;factura</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Recargo</source>
            <translation>Recargo</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Recargo de equivalencia</source>
            <translation>Recargo de equivalencia</translation>
        </message>
        <message>
            <location line="+1" />
            <source>IRPF withheld %</source>
            <translation>Retención IRPF %</translation>
        </message>
        <message>
            <location line="+1" />
            <source>None</source>
            <translation>Ninguna</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notes</source>
            <translation>Notas</translation>
        </message>
    </context>
    <context>
        <name>PaymentDialog</name>
        <message>
            <location filename="../../ui/invoices/payment_dialog.py" line="+26" />
            <source>Payment of {0}</source>
            <translation>Cobro de la factura {0}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Still owed: {0}</source>
            <translation>Pendiente de cobro: {0}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Date</source>
            <translation>&amp;Fecha</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Amount</source>
            <translation>&amp;Importe</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bank transfer</source>
            <translation>Transferencia bancaria</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Cash</source>
            <translation>Efectivo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Card</source>
            <translation>Tarjeta</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Direct debit</source>
            <translation>Domiciliación bancaria</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Other</source>
            <translation>Otro</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Method</source>
            <translation>For&amp;ma de pago</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Reference</source>
            <translation>&amp;Referencia</translation>
        </message>
    </context>
    <context>
        <name>PreviewModel</name>
        <message>
            <location filename="../../ui/inventory/import_dialog.py" line="-249" />
            <source>Skip</source>
            <translation>Omitir</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Update</source>
            <translation>Actualizar</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New</source>
            <translation>Nuevo</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Line</source>
            <translation>Línea</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Action</source>
            <translation>Acción</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Errors</source>
            <translation>Errores</translation>
        </message>
    </context>
    <context>
        <name>PrivacyButton</name>
        <message>
            <location filename="../../ui/employees/privacy.py" line="-216" />
            <source>Pri&amp;vacy</source>
            <translation>Pri&amp;vacidad</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Block, anonymise or export this person's personal data; who looked at it</source>
            <translation>Bloquear, anonimizar o exportar los datos personales de esta persona; quién los ha consultado</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Block personal data…</source>
            <translation>&amp;Bloquear datos personales…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Unblock</source>
            <translation>&amp;Desbloquear</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+26" />
            <source>&amp;Anonymise…</source>
            <translation>&amp;Anonimizar…</translation>
        </message>
        <message>
            <location line="-23" />
            <source>&amp;Export personal data…</source>
            <translation>&amp;Exportar datos personales…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Audit &amp;trail…</source>
            <translation>&amp;Registro de auditoría…</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Still employed: the data is kept while they work here and {0} years after.</source>
            <translation>Sigue en plantilla: los datos se conservan mientras trabaje aquí y {0} años después.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Anonymise… (from {0})</source>
            <translation>&amp;Anonimizar… (a partir del {0})</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The data must be kept {0} years after they left.</source>
            <translation>Los datos deben conservarse {0} años después de su baja.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Block personal data</source>
            <translation>Bloquear datos personales</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Why is the data of {0} blocked? (e.g. the erasure request of today's date) The reason is recorded and shown on the record.</source>
            <translation>¿Por qué se bloquean los datos de {0}? (p. ej., la solicitud de supresión con fecha de hoy) El motivo queda registrado y se muestra en la ficha.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Not blocked</source>
            <translation>No se ha bloqueado</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Blocked {0}.</source>
            <translation>Se han bloqueado los datos de {0}.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Blocked {0}: only an administrator can see the record now.</source>
            <translation>Se han bloqueado los datos de {0}: ahora solo un administrador puede ver la ficha.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Unblock</source>
            <translation>Desbloquear</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lift the block on {0}? Their record is seen and changed as before.</source>
            <translation>¿Levantar el bloqueo de {0}? Su ficha se podrá ver y modificar como antes.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Not unblocked</source>
            <translation>No se ha desbloqueado</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Unblocked {0}.</source>
            <translation>Se han desbloqueado los datos de {0}.</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+4" />
            <source>Anonymise</source>
            <translation>Anonimizar</translation>
        </message>
        <message>
            <location line="-3" />
            <source>Anonymise {0}? Name, NIF, address, contact, pay, IBAN, social security number, login, leave reasons and documents are erased for good. This cannot be undone.</source>
            <translation>¿Anonimizar a {0}? El nombre, el NIF, la dirección, los datos de contacto, el salario, el IBAN, el número de la Seguridad Social, el usuario de acceso, los motivos de ausencia y los documentos se borrarán definitivamente. No se puede deshacer.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Not anonymised</source>
            <translation>No se ha anonimizado</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Anonymised {0}.</source>
            <translation>Se han anonimizado los datos de {0}.</translation>
        </message>
        <message>
            <location line="+10" />
            <location line="+23" />
            <source>Not exported</source>
            <translation>No se ha exportado</translation>
        </message>
        <message>
            <location line="-21" />
            <location line="+16" />
            <source>Export personal data</source>
            <translation>Exportar datos personales</translation>
        </message>
        <message>
            <location line="-15" />
            <source>PDF, with a JSON copy beside it (*.pdf)</source>
            <translation>PDF, con una copia JSON al lado (*.pdf)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Exported the personal data to {0} and {1}.</source>
            <translation>Se han exportado los datos personales a {0} y {1}.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Exporting the personal data of {0}…</source>
            <translation>Exportando los datos personales de {0}…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Audit trail</source>
            <translation>Registro de auditoría</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Someone else changed this record since you opened it; open it again and retry.</source>
            <translation>Otra persona ha modificado esta ficha desde que la abrió; vuelva a abrirla e inténtelo de nuevo.</translation>
        </message>
    </context>
    <context>
        <name>ProductsTab</name>
        <message>
            <location filename="../../ui/inventory/products.py" line="+66" />
            <location line="+6" />
            <source>product</source>
            <translation>producto</translation>
        </message>
        <message>
            <location line="-3" />
            <source>products</source>
            <translation>productos</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Product</source>
            <translation>Producto</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Service</source>
            <translation>Servicio</translation>
        </message>
        <message>
            <location line="+4" />
            <source>SKU</source>
            <translation>SKU</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Category</source>
            <translation>Categoría</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+199" />
            <source>On hand</source>
            <translation>Existencias</translation>
        </message>
        <message>
            <location line="-198" />
            <source>Unit</source>
            <translation>Unidad</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+203" />
            <source>To order</source>
            <translation>A pedir</translation>
        </message>
        <message>
            <location line="-202" />
            <source>Stock value</source>
            <translation>Valor de existencias</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Price</source>
            <translation>Precio</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cost</source>
            <translation>Coste</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>EAN</source>
            <translation>EAN</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Products and services</source>
            <translation>Productos y servicios</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Products</source>
            <translation>Productos</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Services</source>
            <translation>Servicios</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Any stock level</source>
            <translation>Cualquier nivel de existencias</translation>
        </message>
        <message>
            <location line="+1" />
            <source>To reorder</source>
            <translation>Por reponer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>To reorder: some warehouse holds the product at or below its reorder point (set per warehouse in the product's form); To order says how much. Rows in red have less than nothing in stock (a delivery recorded before its receipt).</source>
            <translation>Por reponer: algún almacén tiene el producto en su punto de pedido o por debajo (se fija por almacén en la ficha del producto); A pedir indica cuánto. Las filas en rojo tienen existencias negativas (una salida registrada antes de su entrada).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Import products…</source>
            <translation>Importar productos…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Create or update products from a CSV file (in Excel: Save as CSV)</source>
            <translation>Crear o actualizar productos desde un archivo CSV (en Excel: Guardar como CSV)</translation>
        </message>
        <message>
            <location line="+20" />
            <source>S&amp;KU</source>
            <translation>S&amp;KU</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Barcode (EAN)</source>
            <translation>Código de &amp;barras (EAN)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>13 digits, or scan it</source>
            <translation>13 dígitos, o escanéelo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Name</source>
            <translation>&amp;Nombre</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kin&amp;d</source>
            <translation>&amp;Tipo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Unit</source>
            <translation>Unida&amp;d</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ca&amp;tegory</source>
            <translation>&amp;Categoría</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Prices</source>
            <translation>Precios</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sale p&amp;rice</source>
            <translation>&amp;Precio de venta</translation>
        </message>
        <message>
            <location line="+1" />
            <source>C&amp;ost</source>
            <translation>C&amp;oste</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ta&amp;x (IVA)</source>
            <translation>&amp;Impuesto (IVA)</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+14" />
            <source>Stock by warehouse</source>
            <translation>Existencias por almacén</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Type a &amp;location or reorder level in a row; Enter saves it.</source>
            <translation>Escriba una &amp;ubicación o un punto de pedido en una fila; Enter lo guarda.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Stock moves of this product</source>
            <translation>Movimientos de existencias de este producto</translation>
        </message>
        <message>
            <location line="+11" />
            <source>A new product has no stock yet.</source>
            <translation>Un producto nuevo aún no tiene existencias.</translation>
        </message>
        <message>
            <location line="+53" />
            <source>Services have no stock.</source>
            <translation>Los servicios no tienen existencias.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Reading…</source>
            <translation>Leyendo…</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Warehouse</source>
            <translation>Almacén</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Avg cost</source>
            <translation>Coste medio</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Value</source>
            <translation>Valor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Location</source>
            <translation>Ubicación</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reorder at</source>
            <translation>Punto de pedido</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Order up to</source>
            <translation>Pedir hasta</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Saved the stock rule of {0} in {1}.</source>
            <translation>Se ha guardado la regla de existencias de {0} en {1}.</translation>
        </message>
    </context>
    <context>
        <name>ProfileEditor</name>
        <message>
            <location filename="../../ui/profiles_dialog.py" line="+18" />
            <source>New shared server</source>
            <translation>Nuevo servidor compartido</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Edit {0}</source>
            <translation>Editar {0}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Name</source>
            <translation>&amp;Nombre</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Server</source>
            <translation>&amp;Servidor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>P&amp;ort</source>
            <translation>&amp;Puerto</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Database</source>
            <translation>&amp;Base de datos</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;User</source>
            <translation>&amp;Usuario</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;TLS</source>
            <translation>&amp;TLS</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Prefer: encrypt when the server can</source>
            <translation>Preferir: cifrar si el servidor lo admite</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Require: always encrypt</source>
            <translation>Exigir: cifrar siempre</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Verify CA: encrypt, check the certificate's signer</source>
            <translation>Verificar CA: cifrar y comprobar quién firma el certificado</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Verify full: also check the server's name</source>
            <translation>Verificación completa: comprobar también el nombre del servidor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Disable: never encrypt</source>
            <translation>Desactivar: no cifrar nunca</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;CA certificate</source>
            <translation>Certificado &amp;CA</translation>
        </message>
        <message>
            <location line="+0" />
            <source>CA certificate</source>
            <translation>Certificado CA</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. server.office.lan or 192.168.1.10</source>
            <translation>p. ej. server.office.lan o 192.168.1.10</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Needed to verify the server's certificate (verify-ca, verify-full).</source>
            <translation>Necesario para verificar el certificado del servidor (verify-ca, verify-full).</translation>
        </message>
    </context>
    <context>
        <name>ProfilesDialog</name>
        <message>
            <location line="-176" />
            <source>Connection profiles</source>
            <translation>Perfiles de conexión</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Where do you want to work?</source>
            <translation>¿Dónde quiere trabajar?</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Add…</source>
            <translation>&amp;Añadir…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Edit…</source>
            <translation>&amp;Editar…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Remove</source>
            <translation>&amp;Quitar</translation>
        </message>
        <message>
            <location line="+20" />
            <source>&amp;Open</source>
            <translation>A&amp;brir</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <location line="+23" />
            <source>This computer</source>
            <translation>Este equipo</translation>
        </message>
        <message>
            <location line="+0" />
            <source>the local database file</source>
            <translation>el archivo de base de datos local</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Remove profile</source>
            <translation>Quitar perfil</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove the profile {0}? Its remembered password is forgotten too; nothing on the server changes.</source>
            <translation>¿Quitar el perfil {0}? También se olvidará su contraseña recordada; en el servidor no cambia nada.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Keep</source>
            <translation>Conservar</translation>
        </message>
    </context>
    <context>
        <name>RecordTab</name>
        <message>
            <location filename="../../ui/common/record_tab.py" line="+72" />
            <source>&amp;Save</source>
            <translation>&amp;Guardar</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save (Ctrl+S)</source>
            <translation>Guardar (Ctrl+S)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Archive…</source>
            <translation>&amp;Archivar…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;History…</source>
            <translation>&amp;Historial…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Who changed this record, when, and what (administrators)</source>
            <translation>Quién modificó esta ficha, cuándo y qué (administradores)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Close (Esc)</source>
            <translation>Cerrar (Esc)</translation>
        </message>
        <message>
            <location line="+47" />
            <source>New {0}</source>
            <translation>Alta de {0}</translation>
        </message>
        <message>
            <location line="+18" />
            <location line="+154" />
            <source>Not saved: check the marked fields.</source>
            <translation>No se ha guardado: revise los campos marcados.</translation>
        </message>
        <message>
            <location line="-145" />
            <source>Not saved: {0}</source>
            <translation>No se ha guardado: {0}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Saved {0}.</source>
            <translation>Se ha guardado {0}.</translation>
        </message>
        <message>
            <location line="+58" />
            <source>Archive</source>
            <translation>Archivar</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Archive {0}? It leaves the lists but stays in the records, and can be restored.</source>
            <translation>¿Archivar {0}? Desaparece de las listas pero se conserva en los registros, y se puede restaurar.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Not archived</source>
            <translation>No se ha archivado</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Archived {0}.</source>
            <translation>Se ha archivado {0}.</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Unsaved changes</source>
            <translation>Cambios sin guardar</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Discard the changes to this {0}?</source>
            <translation>¿Descartar los cambios en esta ficha de {0}?</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Not saved: someone else deleted this {0}. Copy what you need, then close it.</source>
            <translation>No se ha guardado: otra persona ha eliminado esta ficha de {0}. Copie lo que necesite y después ciérrela.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Reloaded {0} with the other changes.</source>
            <translation>Se ha recargado la ficha de {0} con los cambios de la otra persona.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Not saved: someone else changed this record. Save again to reload, overwrite or compare.</source>
            <translation>No se ha guardado: otra persona ha modificado este registro. Vuelva a guardar para recargarlo, sobrescribirlo o compararlo.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Saved {0} over the other changes.</source>
            <translation>Se ha guardado {0} sobrescribiendo los otros cambios.</translation>
        </message>
    </context>
    <context>
        <name>ReorderBadge</name>
        <message>
            <location filename="../../ui/inventory/badge.py" line="+54" />
            <source>{0} products to reorder</source>
            <translation>{0} productos por reponer</translation>
        </message>
    </context>
    <context>
        <name>ReportOutput</name>
        <message>
            <location filename="../../ui/reports/output.py" line="+60" />
            <source>PDF files (*.pdf)</source>
            <translation>Archivos PDF (*.pdf)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>CSV files (*.csv)</source>
            <translation>Archivos CSV (*.csv)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Libros de Excel (*.xlsx)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save the report as PDF</source>
            <translation>Guardar el informe como PDF</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Export the report to CSV</source>
            <translation>Exportar el informe a CSV</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export the report to Excel</source>
            <translation>Exportar el informe a Excel</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Saved {0} ({1} rows).</source>
            <translation>Se ha guardado {0} ({1} filas).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Not saved</source>
            <translation>No guardado</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Sent {0} pages to the printer.</source>
            <translation>Se han enviado {0} páginas a la impresora.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not printed</source>
            <translation>No impreso</translation>
        </message>
        <message>
            <location line="+8" />
            <source>No PDF</source>
            <translation>Sin PDF</translation>
        </message>
        <message>
            <location line="+30" />
            <source>The file could not be written: {0}</source>
            <translation>No se ha podido escribir el archivo: {0}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Something went wrong: {0}</source>
            <translation>Algo ha fallado: {0}</translation>
        </message>
    </context>
    <context>
        <name>ReportsDialog</name>
        <message>
            <location filename="../../ui/reports/dialog.py" line="+49" />
            <source>Reports</source>
            <translation>Informes</translation>
        </message>
        <message>
            <location line="+29" />
            <source>S&amp;how</source>
            <translation>&amp;Mostrar</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Read the report (Enter)</source>
            <translation>Consultar el informe (Enter)</translation>
        </message>
        <message>
            <location line="+52" />
            <source>&amp;Print…</source>
            <translation>&amp;Imprimir…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Print the report (Ctrl+P)</source>
            <translation>Imprimir el informe (Ctrl+P)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Pre&amp;view PDF</source>
            <translation>&amp;Vista previa PDF</translation>
        </message>
        <message>
            <location line="+1" />
            <source>See the report's PDF as it prints</source>
            <translation>Ver el PDF del informe tal como se imprimirá</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save P&amp;DF…</source>
            <translation>Guardar P&amp;DF…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Save the report as a PDF file</source>
            <translation>Guardar el informe como archivo PDF</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Export &amp;CSV…</source>
            <translation>Exportar &amp;CSV…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Save the rows as CSV</source>
            <translation>Guardar las filas en CSV</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Export E&amp;xcel…</source>
            <translation>Exportar E&amp;xcel…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save the rows as an Excel workbook</source>
            <translation>Guardar las filas en un libro de Excel</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Close (Esc)</source>
            <translation>Cerrar (Esc)</translation>
        </message>
        <message>
            <location line="+76" />
            <source>Reading {0}…</source>
            <translation>Consultando {0}…</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Nothing to show.</source>
            <translation>No hay nada que mostrar.</translation>
        </message>
        <message>
            <location line="+18" />
            <location line="+2" />
            <source>Report not shown</source>
            <translation>Informe no mostrado</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The report could not be read: {0}</source>
            <translation>No se ha podido consultar el informe: {0}</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Choose the period and press Show (Enter).</source>
            <translation>Elija el periodo y pulse Mostrar (Enter).</translation>
        </message>
    </context>
    <context>
        <name>SeriesDialog</name>
        <message>
            <location filename="../../ui/series_dialog.py" line="+38" />
            <source>Invoice series</source>
            <translation>Series de facturación</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Invoice</source>
            <translation>Factura</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Simplified invoice</source>
            <translation>Factura simplificada</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit note (rectificativa)</source>
            <translation>Factura rectificativa</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Code</source>
            <translation>Código</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Kind</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Prefix</source>
            <translation>Prefijo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Yearly reset</source>
            <translation>Reinicio anual</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Next no.</source>
            <translation>Siguiente nº</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+19" />
            <source>Default</source>
            <translation>Predeterminada</translation>
        </message>
        <message>
            <location line="-6" />
            <source>C&amp;ode</source>
            <translation>Có&amp;digo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Name</source>
            <translation>&amp;Nombre</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Kind</source>
            <translation>&amp;Tipo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Prefix</source>
            <translation>&amp;Prefijo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Numbering</source>
            <translation>Numeración</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Start again at 1 each &amp;year</source>
            <translation>R&amp;einiciar en 1 cada año</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ne&amp;xt number</source>
            <translation>&amp;Siguiente número</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Default series for new documents of its kind</source>
            <translation>Ser&amp;ie predeterminada para los nuevos documentos de su tipo</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Offline use</source>
            <translation>&amp;Uso sin conexión</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Workstation {0} · {1} ({2})</source>
            <translation>Puesto {0} · {1} ({2})</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Everyone: numbered by the server</source>
            <translation>Todos: numera el servidor</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Ne&amp;w</source>
            <translation>Nue&amp;va</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Save</source>
            <translation>&amp;Guardar</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+173" />
            <source>&amp;Archive…</source>
            <translation>&amp;Archivar…</translation>
        </message>
        <message>
            <location line="-172" />
            <source>&amp;Close</source>
            <translation>&amp;Cerrar</translation>
        </message>
        <message>
            <location line="+44" />
            <location line="+1" />
            <source>Yes</source>
            <translation>Sí</translation>
        </message>
        <message>
            <location line="-1" />
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Archived</source>
            <translation>Archivada</translation>
        </message>
        <message>
            <location line="+71" />
            <source>Someone else changed this series while you were editing it. Nothing was saved: choose it again in the list to see their version, then make your change again.</source>
            <translation>Otra persona ha modificado esta serie mientras usted la editaba. No se ha guardado nada: vuelva a elegirla en la lista para ver su versión y repita su cambio.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Archive series</source>
            <translation>Archivar serie</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Archive series {0}? New invoices will not use it; its invoices keep their numbers.</source>
            <translation>¿Archivar la serie {0}? Las nuevas facturas no la usarán; sus facturas conservan su número.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Type the next number.</source>
            <translation>Escriba el siguiente número.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>&amp;Restore</source>
            <translation>&amp;Restaurar</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Unsaved changes</source>
            <translation>Cambios sin guardar</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The series form has changes that are not saved. Discard them?</source>
            <translation>La ficha de la serie tiene cambios sin guardar. ¿Descartarlos?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Discard</source>
            <translation>&amp;Descartar</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Keep editing</source>
            <translation>Seguir &amp;editando</translation>
        </message>
    </context>
    <context>
        <name>StaffTab</name>
        <message>
            <location filename="../../ui/employees/staff.py" line="+69" />
            <location line="+6" />
            <source>employee</source>
            <translation>empleado</translation>
        </message>
        <message>
            <location line="-3" />
            <source>employees</source>
            <translation>empleados</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Code</source>
            <translation>Código</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last name</source>
            <translation>Apellidos</translation>
        </message>
        <message>
            <location line="+1" />
            <source>First name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Department</source>
            <translation>Departamento</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Position</source>
            <translation>Puesto</translation>
        </message>
        <message>
            <location line="+1" />
            <source>E-mail</source>
            <translation>Correo electrónico</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+128" />
            <source>Phone</source>
            <translation>Teléfono</translation>
        </message>
        <message>
            <location line="-127" />
            <source>Hired</source>
            <translation>Alta</translation>
        </message>
        <message>
            <location line="+10" />
            <source>All departments</source>
            <translation>Todos los departamentos</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Leave out those whose employment has ended.</source>
            <translation>Excluir a quienes ya han causado baja.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Bloc&amp;ked only</source>
            <translation>Solo bloqueados</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Only the people whose personal data is blocked.</source>
            <translation>Solo las personas cuyos datos personales están bloqueados.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>E&amp;xpiring documents…</source>
            <translation>Documentos &amp;que caducan…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Documents that expire soon or have expired, and whose they are</source>
            <translation>Documentos que caducan pronto o ya han caducado, y de quién son</translation>
        </message>
        <message>
            <location line="+60" />
            <source>&amp;First name</source>
            <translation>&amp;Nombre</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Last name</source>
            <translation>Ape&amp;llidos</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;NIF / NIE</source>
            <translation>N&amp;IF / NIE</translation>
        </message>
        <message>
            <location line="+1" />
            <source>C&amp;ode</source>
            <translation>&amp;Código</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Given automatically</source>
            <translation>Se asigna automáticamente</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Job</source>
            <translation>Datos laborales</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Department</source>
            <translation>&amp;Departamento</translation>
        </message>
        <message>
            <location line="+0" />
            <source>No department</source>
            <translation>Sin departamento</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Position</source>
            <translation>&amp;Puesto</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Mana&amp;ger</source>
            <translation>&amp;Responsable</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Type part of the name, code or NIF</source>
            <translation>Escriba parte del nombre, el código o el NIF</translation>
        </message>
        <message>
            <location line="-87" />
            <source>Current staff only</source>
            <translation>Solo personal en activo</translation>
        </message>
        <message>
            <location line="+88" />
            <source>Hire date</source>
            <translation>Fecha de alta</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;End date</source>
            <translation>Fecha de ba&amp;ja</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The last day of employment; empty while employed.</source>
            <translation>El último día de trabajo; vacío mientras siga en la empresa.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Weekly hours</source>
            <translation>Horas se&amp;manales</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Login</source>
            <translation>Usuario</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The user name this person signs in with (to approve their team's leave); empty if they do not use the program.</source>
            <translation>El usuario con el que esta persona inicia sesión (para aprobar las ausencias de su equipo); vacío si no usa el programa.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Employment contracts naming this person (Contracts tab).</source>
            <translation>Contratos laborales en los que figura esta persona (pestaña Contratos).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Employment contract</source>
            <translation>Contrato laboral</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&lt;b&gt;Pay and social security&lt;/b&gt; — Confidential: HR only</source>
            <translation>&lt;b&gt;Retribución y Seguridad Social&lt;/b&gt; — Confidencial: solo RR. HH.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Personal and contact</source>
            <translation>Datos personales y de contacto</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Birth date</source>
            <translation>&amp;Fecha de nacimiento</translation>
        </message>
        <message>
            <location line="+1" />
            <source>St&amp;reet</source>
            <translation>D&amp;omicilio</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Postal code</source>
            <translation>Código postal</translation>
        </message>
        <message>
            <location line="+1" />
            <source>City</source>
            <translation>Población</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Province</source>
            <translation>Provincia</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Country</source>
            <translation>País</translation>
        </message>
        <message>
            <location line="+3" />
            <source>E-&amp;mail</source>
            <translation>Correo &amp;electrónico</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Emergency contact</source>
            <translation>Contacto de emergencia</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Pay and social security (confidential)</source>
            <translation>Retribución y Seguridad Social (confidencial)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show &amp;confidential data</source>
            <translation>Ver da&amp;tos confidenciales</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Shown to HR only; each showing is recorded</source>
            <translation>Solo los ve RR. HH.; cada consulta queda registrada</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Salar&amp;y (gross a year)</source>
            <translation>&amp;Salario (bruto anual)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Paymen&amp;ts a year</source>
            <translation>Pagas al a&amp;ño</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;IBAN</source>
            <translation>I&amp;BAN</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Social sec&amp;urity no.</source>
            <translation>Nº Seg&amp;uridad Social</translation>
        </message>
        <message>
            <location line="+65" />
            <source>Confidential data shown; the showing is recorded.</source>
            <translation>Datos confidenciales visibles; la consulta queda registrada.</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Personal data blocked: {0}</source>
            <translation>Datos personales bloqueados: {0}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Anonymised on {0}: the personal data was erased; the record stays for what refers to it.</source>
            <translation>Anonimizado el {0}: se borraron los datos personales; el registro se conserva por lo que hace referencia a él.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>None yet: add one in the Contracts tab once the person is saved.</source>
            <translation>Ninguno todavía: añada uno en la pestaña Contratos cuando la persona esté guardada.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>This record cannot be changed: {0}</source>
            <translation>Este registro no se puede modificar: {0}</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Kept by HR</source>
            <translation>Gestionado por RR. HH.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>None</source>
            <translation>Ninguno</translation>
        </message>
        <message>
            <location line="+28" />
            <source>(blocked)</source>
            <translation>(bloqueado)</translation>
        </message>
    </context>
    <context>
        <name>StockCountsTab</name>
        <message>
            <location filename="../../ui/inventory/counts.py" line="+56" />
            <location line="+6" />
            <source>stock count</source>
            <translation>recuento de inventario</translation>
        </message>
        <message>
            <location line="-3" />
            <source>stock counts</source>
            <translation>recuentos de inventario</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Draft</source>
            <translation>Borrador</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Posted</source>
            <translation>Aplicado</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled</source>
            <translation>Anulado</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Reference</source>
            <translation>Referencia</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Date</source>
            <translation>Fecha</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warehouse</source>
            <translation>Almacén</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lines</source>
            <translation>Líneas</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+224" />
            <source>Counted</source>
            <translation>Contadas</translation>
        </message>
        <message>
            <location line="-223" />
            <source>Notes</source>
            <translation>Notas</translation>
        </message>
        <message>
            <location line="+10" />
            <source>All statuses</source>
            <translation>Todos los estados</translation>
        </message>
        <message>
            <location line="+2" />
            <source>All warehouses</source>
            <translation>Todos los almacenes</translation>
        </message>
        <message>
            <location line="+21" />
            <source>&amp;Warehouse</source>
            <translation>Al&amp;macén</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Date</source>
            <translation>&amp;Fecha</translation>
        </message>
        <message>
            <location line="+2" />
            <source>All categories</source>
            <translation>Todas las categorías</translation>
        </message>
        <message>
            <location line="-1" />
            <source>Only the cate&amp;gory</source>
            <translation>Solo la &amp;categoría</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Only shel&amp;ves starting with</source>
            <translation>Solo las &amp;estanterías que empiecen por</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. A- (all shelves when empty)</source>
            <translation>p. ej. A- (todas las estanterías si se deja vacío)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Products</source>
            <translation>&amp;Productos</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Only those held or shelved in this warehouse</source>
            <translation>Solo los que tienen existencias o ubicación en este almacén</translation>
        </message>
        <message>
            <location line="+1" />
            <source>N&amp;otes</source>
            <translation>&amp;Notas</translation>
        </message>
        <message>
            <location line="+12" />
            <location line="+401" />
            <source>Counted quantities are saved as you type them.</source>
            <translation>Las cantidades contadas se guardan a medida que se escriben.</translation>
        </message>
        <message>
            <location line="-389" />
            <source>Making the count sheet…</source>
            <translation>Preparando la hoja de recuento…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Started {0}: {1} lines to count.</source>
            <translation>Iniciado {0}: {1} líneas por contar.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Not started: {0}</source>
            <translation>No iniciado: {0}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The count was not started: check the marked fields.</source>
            <translation>No se ha iniciado el recuento: revise los campos marcados.</translation>
        </message>
        <message>
            <location line="+39" />
            <source>Search, or scan a barcode and press Enter…</source>
            <translation>Buscar, o escanear un código de barras y pulsar Enter…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Not counted</source>
            <translation>Sin &amp;contar</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Differences</source>
            <translation>&amp;Diferencias</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Show every line again</source>
            <translation>Volver a mostrar todas las líneas</translation>
        </message>
        <message>
            <location line="+28" />
            <source>&amp;Print sheet…</source>
            <translation>&amp;Imprimir hoja…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>with e&amp;xpected quantities</source>
            <translation>con cantidades &amp;teóricas</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A blind count (the default) does not print what the books expect.</source>
            <translation>Un recuento a ciegas (la opción predeterminada) no imprime las existencias teóricas.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Export sheet…</source>
            <translation>&amp;Exportar hoja…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Import counts…</source>
            <translation>I&amp;mportar recuento…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>P&amp;ost…</source>
            <translation>A&amp;plicar…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Adjust the stock on hand to what was counted</source>
            <translation>Ajustar las existencias a lo contado</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Cancel count…</source>
            <translation>&amp;Anular recuento…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel this draft count: nothing is moved (Delete)</source>
            <translation>Anular este recuento en borrador: no se mueve nada (Delete)</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Location</source>
            <translation>Ubicación</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SKU</source>
            <translation>SKU</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Product</source>
            <translation>Producto</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit</source>
            <translation>Unidad</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Expected</source>
            <translation>Teórico</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Difference</source>
            <translation>Diferencia</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Adjusted</source>
            <translation>Ajustado</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Start count</source>
            <translation>&amp;Iniciar recuento</translation>
        </message>
        <message>
            <location line="+38" />
            <source>{0} of {1} lines counted</source>
            <translation>{0} de {1} líneas contadas</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{0} differ from the sheet</source>
            <translation>{0} con diferencias respecto a la hoja</translation>
        </message>
        <message>
            <location line="+2" />
            <source>posted: {0} adjustments</source>
            <translation>aplicado: {0} ajustes</translation>
        </message>
        <message>
            <location line="+78" />
            <source>Not on the sheet</source>
            <translation>No está en la hoja</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{0} is not on this count's sheet. Add a line for it?</source>
            <translation>{0} no está en la hoja de este recuento. ¿Añadirle una línea?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add</source>
            <translation>Añadir</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Added {0} to the sheet.</source>
            <translation>Se ha añadido {0} a la hoja.</translation>
        </message>
        <message>
            <location line="+39" />
            <source>{0} lines</source>
            <translation>{0} líneas</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No lines</source>
            <translation>Sin líneas</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Not saved (marked red): {0}</source>
            <translation>No guardado (marcado en rojo): {0}</translation>
        </message>
        <message>
            <location line="+13" />
            <location line="+3" />
            <source>Cancel count</source>
            <translation>Anular recuento</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Cancel {0}? It stays in the list with its lines; no stock is moved and it can no longer be posted.</source>
            <translation>¿Anular {0}? Seguirá en la lista con sus líneas; no se mueven existencias y ya no se podrá aplicar.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Keep it</source>
            <translation>Conservarlo</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Not cancelled</source>
            <translation>No anulado</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Cancelled {0}.</source>
            <translation>Se ha anulado {0}.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Start a count with Start count.</source>
            <translation>Inicie un recuento con Iniciar recuento.</translation>
        </message>
    </context>
    <context>
        <name>StockMovesTab</name>
        <message>
            <location filename="../../ui/inventory/moves.py" line="+49" />
            <location line="+6" />
            <source>stock move</source>
            <translation>movimiento de existencias</translation>
        </message>
        <message>
            <location line="-3" />
            <source>stock moves</source>
            <translation>movimientos de existencias</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Receipt</source>
            <translation>Entrada</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery</source>
            <translation>Salida</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Transfer</source>
            <translation>Traspaso</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Adjustment</source>
            <translation>Ajuste</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Date</source>
            <translation>Fecha</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SKU</source>
            <translation>SKU</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Product</source>
            <translation>Producto</translation>
        </message>
        <message>
            <location line="+1" />
            <source>From</source>
            <translation>Origen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>To</source>
            <translation>Destino</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Quantity</source>
            <translation>Cantidad</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit cost</source>
            <translation>Coste unitario</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reference</source>
            <translation>Referencia</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reversal</source>
            <translation>Reversión</translation>
        </message>
        <message>
            <location line="+13" />
            <source>All kinds</source>
            <translation>Todos los tipos</translation>
        </message>
        <message>
            <location line="+2" />
            <source>All warehouses</source>
            <translation>Todos los almacenes</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Show the moves of every product</source>
            <translation>Mostrar los movimientos de todos los productos</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Product: {0}</source>
            <translation>Producto: {0}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Kind</source>
            <translation>&amp;Tipo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Date</source>
            <translation>&amp;Fecha</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Product (SKU, &amp;barcode, name)</source>
            <translation>Producto (SKU, código de &amp;barras, nombre)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Type or scan to search</source>
            <translation>Escriba o escanee para buscar</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Quantity</source>
            <translation>&amp;Cantidad</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fr&amp;om warehouse</source>
            <translation>Almacén de &amp;origen</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+1" />
            <source>— outside —</source>
            <translation>— exterior —</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;To warehouse</source>
            <translation>Almacén de &amp;destino</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Unit cost</source>
            <translation>Coste &amp;unitario</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supp&amp;lier or customer</source>
            <translation>Proveedor o c&amp;liente</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refere&amp;nce</source>
            <translation>Refere&amp;ncia</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery note, order…</source>
            <translation>Albarán, pedido…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason</source>
            <translation>Motivo</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Reverse…</source>
            <translation>&amp;Revertir…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Record the opposite move (Delete)</source>
            <translation>Registrar el movimiento contrario (Delete)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Reverse this move</source>
            <translation>Revertir este movimiento</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A recorded move is never changed. To undo it, record its opposite: same product and quantity, warehouses swapped, dated today.</source>
            <translation>Un movimiento registrado nunca se modifica. Para deshacerlo, registre el contrario: mismo producto y cantidad, almacenes intercambiados y fecha de hoy.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Wh&amp;y is it reversed?</source>
            <translation>¿&amp;Por qué se revierte?</translation>
        </message>
        <message>
            <location line="+4" />
            <source>e.g. delivery note entered twice</source>
            <translation>p. ej. albarán introducido dos veces</translation>
        </message>
        <message>
            <location line="+101" />
            <source>Required for receipts</source>
            <translation>Obligatorio en las entradas</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Valued at average cost</source>
            <translation>Valorado a coste medio</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stock leaves (or moves between warehouses) at the weighted average cost of the warehouse it comes from.</source>
            <translation>Las existencias salen (o pasan de un almacén a otro) al coste medio ponderado del almacén de origen.</translation>
        </message>
        <message>
            <location line="+48" />
            <source>This move reverses an earlier one. It cannot be reversed itself: record a new move instead.</source>
            <translation>Este movimiento revierte otro anterior. No se puede revertir a su vez: registre un movimiento nuevo.</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Record anyway?</source>
            <translation>¿Registrar de todos modos?</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Record anyway</source>
            <translation>Registrar de todos modos</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not recorded: {0}.</source>
            <translation>No registrado: {0}.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>{product}: {on_hand} on hand in {warehouse}, {wanted} wanted</source>
            <translation>{product}: hay {on_hand} en {warehouse} y se necesitan {wanted}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Not enough stock</source>
            <translation>Existencias insuficientes</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This leaves less than nothing in stock:
{0}

{1} The stock shows below zero until the missing goods are received or counted.</source>
            <translation>Esto deja existencias por debajo de cero:
{0}

{1} Las existencias aparecerán en negativo hasta que se reciba o se cuente la mercancía que falta.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Don't record</source>
            <translation>No registrar</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+7" />
            <source>A recorded move cannot be changed: reverse it and record a new one.</source>
            <translation>Un movimiento registrado no se puede modificar: reviértalo y registre uno nuevo.</translation>
        </message>
        <message>
            <location line="-4" />
            <source>A stock move is reversed, not archived.</source>
            <translation>Un movimiento de existencias se revierte, no se archiva.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>This move is itself a reversal; record a new move instead.</source>
            <translation>Este movimiento ya es una reversión; registre un movimiento nuevo.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Type why the move is reversed, then press Enter.</source>
            <translation>Escriba por qué se revierte el movimiento y pulse Enter.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Reverse</source>
            <translation>Revertir</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reverse {0}? The opposite move is recorded today with your reason; this cannot be undone.</source>
            <translation>¿Revertir {0}? El movimiento contrario se registra hoy con su motivo; esto no se puede deshacer.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Reverse anyway?</source>
            <translation>¿Revertir de todos modos?</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reverse anyway</source>
            <translation>Revertir de todos modos</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not reversed: {0}.</source>
            <translation>No revertido: {0}.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Reversed: {0}.</source>
            <translation>Revertido: {0}.</translation>
        </message>
    </context>
    <context>
        <name>StockValueDialog</name>
        <message>
            <location filename="../../ui/inventory/valuation.py" line="+39" />
            <source>Stock value</source>
            <translation>Valor de existencias</translation>
        </message>
        <message>
            <location line="+9" />
            <source>dd/mm/yyyy, empty: today</source>
            <translation>dd/mm/aaaa, vacío: hoy</translation>
        </message>
        <message>
            <location line="+2" />
            <source>As of &amp;date:</source>
            <translation>A &amp;fecha de:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Show</source>
            <translation>&amp;Mostrar</translation>
        </message>
        <message>
            <location line="+19" />
            <location line="+99" />
            <source>Code</source>
            <translation>Código</translation>
        </message>
        <message>
            <location line="-99" />
            <location line="+99" />
            <source>Warehouse</source>
            <translation>Almacén</translation>
        </message>
        <message>
            <location line="-99" />
            <location line="+100" />
            <source>Products</source>
            <translation>Productos</translation>
        </message>
        <message>
            <location line="-99" />
            <location line="+100" />
            <source>Value</source>
            <translation>Valor</translation>
        </message>
        <message>
            <location line="-86" />
            <source>&amp;Export CSV…</source>
            <translation>&amp;Exportar CSV…</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Reading…</source>
            <translation>Consultando…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>today</source>
            <translation>hoy</translation>
        </message>
        <message>
            <location line="+0" />
            <source>at the end of {0}</source>
            <translation>al cierre del {0}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stock at weighted average cost, {0}.</source>
            <translation>Existencias a coste medio ponderado, {0}.</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+38" />
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <location line="-21" />
            <source>The stock value could not be read: {0}</source>
            <translation>No se ha podido consultar el valor de existencias: {0}</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Export the stock value</source>
            <translation>Exportar el valor de existencias</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CSV for Excel (*.csv)</source>
            <translation>CSV para Excel (*.csv)</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Export</source>
            <translation>Exportar</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Saved the stock value to {0}.</source>
            <translation>Valor de existencias guardado en {0}.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not exported</source>
            <translation>No exportado</translation>
        </message>
        <message>
            <location line="+0" />
            <source>The stock value was not saved: {0}</source>
            <translation>No se ha guardado el valor de existencias: {0}</translation>
        </message>
    </context>
    <context>
        <name>SummaryAction</name>
        <message>
            <location filename="../../ui/contracts/summary.py" line="+33" />
            <source>Summary PDF…</source>
            <translation>Resumen en PDF…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Preview, print or save a summary of this contract: terms, prices, history and attached files</source>
            <translation>Ver, imprimir o guardar un resumen de este contrato: condiciones, precios, historial y archivos adjuntos</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Contract summary</source>
            <translation>Resumen del contrato</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The summary could not be made: {0}</source>
            <translation>No se ha podido generar el resumen: {0}</translation>
        </message>
    </context>
    <context>
        <name>Sync</name>
        <message>
            <location filename="../../ui/sync/__init__.py" line="+29" />
            <source>Sync now</source>
            <translation>Sincronizar ahora</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Send this computer's changes and bring the offline copy up to date (Ctrl+Shift+Y)</source>
            <translation>Enviar los cambios de este equipo y poner al día la copia sin conexión (Ctrl+Shift+Y)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>S&amp;ync now</source>
            <translation>&amp;Sincronizar ahora</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Changes to re&amp;view…</source>
            <translation>Cambios por re&amp;visar…</translation>
        </message>
    </context>
    <context>
        <name>TotalsPanel</name>
        <message>
            <location filename="../../ui/invoices/totals_panel.py" line="+52" />
            <source>Base</source>
            <translation>Base imponible</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Recargo {pct} % on {base}</source>
            <translation>Recargo {pct} % sobre {base}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>IRPF withheld {pct} %</source>
            <translation>Retención IRPF {pct} %</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The totals leave out {n} line(s) until completed or corrected.</source>
            <translation>Los totales no incluyen {n} línea(s) hasta que se completen o corrijan.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Exempt ({code}) on {base}</source>
            <translation>Exento ({code}) sobre {base}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>IVA {pct} % on {base}</source>
            <translation>IVA {pct} % sobre {base}</translation>
        </message>
    </context>
    <context>
        <name>WarehouseStockModel</name>
        <message>
            <location filename="../../ui/inventory/stock_table.py" line="-176" />
            <source>(archived)</source>
            <translation>(archivado)</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Type, then Enter to save</source>
            <translation>Escriba y pulse Enter para guardar</translation>
        </message>
        <message>
            <location line="+50" />
            <source>{0}: someone else changed this row meanwhile; it now shows their values. Type yours again if they still apply.</source>
            <translation>{0}: otra persona ha modificado esta fila mientras tanto; ahora muestra los valores de esa persona. Vuelva a escribir los suyos si siguen siendo válidos.</translation>
        </message>
    </context>
    <context>
        <name>WarehousesTab</name>
        <message>
            <location filename="../../ui/inventory/warehouses.py" line="+25" />
            <location line="+6" />
            <source>warehouse</source>
            <translation>almacén</translation>
        </message>
        <message>
            <location line="-3" />
            <source>warehouses</source>
            <translation>almacenes</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Code</source>
            <translation>Código</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location line="+1" />
            <source>City</source>
            <translation>Población</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Default</source>
            <translation>Predeterminado</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Stoc&amp;k value…</source>
            <translation>&amp;Valor de existencias…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>What the stock is worth per warehouse, today or as of a date</source>
            <translation>Cuánto valen las existencias de cada almacén, hoy o a una fecha</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Co&amp;de</source>
            <translation>&amp;Código</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Name</source>
            <translation>&amp;Nombre</translation>
        </message>
        <message>
            <location line="+1" />
            <source>S&amp;treet</source>
            <translation>&amp;Dirección</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cit&amp;y</source>
            <translation>Po&amp;blación</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Defa&amp;ult</source>
            <translation>&amp;Predeterminado</translation>
        </message>
        <message>
            <location line="+0" />
            <source>New stock moves start from here</source>
            <translation>Los nuevos movimientos de existencias parten de este almacén</translation>
        </message>
    </context>
    <context>
        <name>WelcomeDialog</name>
        <message>
            <location filename="../../ui/first_run/welcome.py" line="+43" />
            <source>Welcome to Trastienda</source>
            <translation>Bienvenido a Trastienda</translation>
        </message>
        <message>
            <location line="+14" />
            <source>&lt;h2&gt;Welcome to Trastienda&lt;/h2&gt;</source>
            <translation>&lt;h2&gt;Bienvenido a Trastienda&lt;/h2&gt;</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This computer's database is new and empty. How would you like to start?</source>
            <translation>La base de datos de este equipo es nueva y está vacía. ¿Cómo quiere empezar?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Set up my company</source>
            <translation>&amp;Configurar mi empresa</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Your name, NIF and address as invoices print them, and how invoices are numbered.</source>
            <translation>Su nombre, NIF y dirección tal como aparecen en las facturas, y cómo se numeran las facturas.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Connect to a shared server</source>
            <translation>Conectar a un &amp;servidor compartido</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Your office keeps its data on a server: log in with your own account.</source>
            <translation>Su oficina guarda los datos en un servidor: inicie sesión con su propia cuenta.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Try it with demo data</source>
            <translation>&amp;Probar con datos de demostración</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A made-up shop with customers, products, invoices and staff, to look around safely. It stays in this database: real work belongs in a new one.</source>
            <translation>Una tienda ficticia con clientes, productos, facturas y personal, para explorar sin riesgo. Se queda en esta base de datos: el trabajo real debe ir en una nueva.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>&amp;Later</source>
            <translation>&amp;Más tarde</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Open the empty window. File &gt; Company details sets the company up at any time.</source>
            <translation>Abrir la ventana vacía. Desde Archivo &gt; Datos de la empresa puede configurar la empresa en cualquier momento.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Writing demo data…</source>
            <translation>Generando datos de demostración…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This takes a few seconds; the window opens when it is done.</source>
            <translation>Tarda unos segundos; la ventana se abrirá al terminar.</translation>
        </message>
        <message>
            <location line="+48" />
            <source>Writing demo data: %1…</source>
            <translation>Generando datos de demostración: %1…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The demo data could not be written: %1</source>
            <translation>No se han podido generar los datos de demostración: %1</translation>
        </message>
    </context>
</TS>
