<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AboutPage</name>
    <message>
        <source>About SpasmGuide</source>
        <translation>Acerca de SpasmGuide</translation>
    </message>
    <message>
        <source>Program version %1. Content pack %2, version %3 (%4).</source>
        <translation>Versión del programa: %1. Paquete de contenido %2, versión %3 (%4).</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Acerca de %1</translation>
    </message>
    <message>
        <source>Please read</source>
        <translation>Lea esto, por favor</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>The facts in this guide come from these works, written again in plain words:</source>
        <translation>Los datos de esta guía vienen de estas obras, contados de nuevo con palabras sencillas:</translation>
    </message>
    <message>
        <source>When to get help</source>
        <translation>Cuándo buscar ayuda</translation>
    </message>
    <message>
        <source>Last reviewed: %1.</source>
        <translation>Última revisión: %1.</translation>
    </message>
    <message>
        <source>Reviewed against: %1.</source>
        <translation>Revisado con: %1.</translation>
    </message>
</context>
<context>
    <name>AttractOverlay</name>
    <message>
        <source>Leg cramp? Touch to start</source>
        <translation>¿Calambre en la pierna? Toque para empezar</translation>
    </message>
    <message>
        <source>Plain advice on leg muscle spasms: what they are, what helps, and when to get help.</source>
        <translation>Consejos sencillos sobre los calambres en las piernas: qué son, qué ayuda y cuándo buscar ayuda.</translation>
    </message>
</context>
<context>
    <name>CareCard</name>
    <message>
        <source>Emergency</source>
        <translation>Emergencia</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>Non-urgent</source>
        <translation>No urgente</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Información</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <source>Cramps per week</source>
        <translation>Calambres por semana</translation>
    </message>
    <message>
        <source>Night or day</source>
        <translation>De noche o de día</translation>
    </message>
    <message>
        <source>Which leg</source>
        <translation>Qué pierna</translation>
    </message>
    <message>
        <source>What you ticked as helping</source>
        <translation>Lo que usted marcó como útil</translation>
    </message>
    <message>
        <source>This is your own record, not evidence that a treatment works. Show it to your doctor if it helps the conversation.</source>
        <translation>Es su propio registro, no una prueba de que un tratamiento funcione. Muéstreselo a su médico si le ayuda a conversar.</translation>
    </message>
    <message>
        <source>How bad</source>
        <translation>Qué tan fuerte</translation>
    </message>
    <message>
        <source>No cramps logged in these weeks.</source>
        <translation>No hay calambres anotados en estas semanas.</translation>
    </message>
    <message>
        <source>Nothing logged yet.</source>
        <translation>Todavía no hay nada anotado.</translation>
    </message>
    <message>
        <source>No cramp has a 0 to 10 rating yet.</source>
        <translation>Ningún calambre tiene todavía una nota del 0 al 10.</translation>
    </message>
    <message>
        <source>Nothing ticked as helping yet.</source>
        <translation>Todavía no marcó nada como útil.</translation>
    </message>
</context>
<context>
    <name>CheckerOffer</name>
    <message>
        <source>Is it serious? Answer a few questions to see how soon to get help</source>
        <translation>¿Es grave? Responda unas preguntas para saber qué tan pronto buscar ayuda</translation>
    </message>
</context>
<context>
    <name>CheckerPage</name>
    <message>
        <source>Is it serious?</source>
        <translation>¿Es grave?</translation>
    </message>
    <message>
        <source>The “Is it serious?” questions could not be opened. Please read When to get help.</source>
        <translation>No se pudieron abrir las preguntas de «¿Es grave?». Lea, por favor, Cuándo buscar ayuda.</translation>
    </message>
    <message>
        <source>Is it serious? questions</source>
        <translation>Preguntas de ¿Es grave?</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close the questions and go back to the guide</source>
        <translation>Cerrar las preguntas y volver a la guía</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>Key Y</source>
        <translation>Tecla Y</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Key N</source>
        <translation>Tecla N</translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation>No estoy seguro</translation>
    </message>
    <message>
        <source>Counts as yes, to be safe</source>
        <translation>Cuenta como sí, por seguridad</translation>
    </message>
    <message>
        <source>Not sure? Choose Not sure: it counts as yes, to be safe.</source>
        <translation>¿No está seguro? Elija No estoy seguro: cuenta como sí, por seguridad.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Go back to the last question</source>
        <translation>Volver a la pregunta anterior</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>Empezar de nuevo</translation>
    </message>
    <message>
        <source>If you feel very unwell now, call %1.</source>
        <translation>Si ahora se siente muy mal, llame a %1.</translation>
    </message>
    <message>
        <source>This is not a diagnosis. It only helps you decide how soon to get help. If you are worried, get help anyway.</source>
        <translation>Esto no es un diagnóstico. Solo le ayuda a decidir qué tan pronto buscar ayuda. Si algo le preocupa, busque ayuda de todos modos.</translation>
    </message>
    <message>
        <source>Go to When to get help</source>
        <translation>Ir a Cuándo buscar ayuda</translation>
    </message>
    <message>
        <source>Open the Timer</source>
        <translation>Abrir el temporizador</translation>
    </message>
    <message>
        <source>A guided stretch and compress routine</source>
        <translation>Una rutina guiada de estiramiento y compresas</translation>
    </message>
    <message>
        <source>Change your last answer</source>
        <translation>Cambiar su última respuesta</translation>
    </message>
    <message>
        <source>Take this with you</source>
        <translation>Lléveselo</translation>
    </message>
    <message>
        <source>Show this result as a QR code</source>
        <translation>Mostrar este resultado como código QR</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>Pregunta %1 de %2</translation>
    </message>
    <message>
        <source>Answer with Yes, No or Not sure. Keys: Y for yes, N for no.</source>
        <translation>Responda Sí, No o No estoy seguro. Teclas: Y para sí, N para no.</translation>
    </message>
    <message>
        <source>You said:</source>
        <translation>Usted respondió:</translation>
    </message>
    <message>
        <source>You said No to every question.</source>
        <translation>Respondió No a todas las preguntas.</translation>
    </message>
    <message>
        <source>%1 (you were not sure)</source>
        <translation>%1 (no estaba seguro)</translation>
    </message>
    <message>
        <source>Emergency: call now</source>
        <translation>Emergencia: llame ahora</translation>
    </message>
    <message>
        <source>Urgent: get help today</source>
        <translation>Urgente: busque ayuda hoy</translation>
    </message>
    <message>
        <source>Soon: see a doctor in the next few days</source>
        <translation>Pronto: vea a un médico en los próximos días</translation>
    </message>
    <message>
        <source>Self-care: look after it at home</source>
        <translation>Cuidado en casa: puede tratarlo usted</translation>
    </message>
    <message>
        <source>Answer a few yes or no questions to see how soon to get help</source>
        <translation>Responda unas preguntas de sí o no para saber qué tan pronto buscar ayuda</translation>
    </message>
</context>
<context>
    <name>Diary</name>
    <message>
        <source>Diary</source>
        <translation>Diario</translation>
    </message>
    <message>
        <source>Log a cramp in your diary</source>
        <translation>Anotar un calambre en su diario</translation>
    </message>
    <message>
        <source>Your diary data was deleted. Log a cramp to start a new diary.</source>
        <translation>Se borraron los datos de su diario. Anote un calambre para empezar un diario nuevo.</translation>
    </message>
    <message>
        <source>All diary data was deleted from this computer.</source>
        <translation>Se borraron de esta computadora todos los datos del diario.</translation>
    </message>
    <message>
        <source>Week of %1: %2</source>
        <translation>Semana del %1: %2</translation>
    </message>
    <message>
        <source>Night (22:00 to 07:00)</source>
        <translation>Noche (de 22:00 a 07:00)</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>median length of those cramps %1</source>
        <translation>duración mediana de esos calambres: %1</translation>
    </message>
    <message>
        <source>Cramp diary summary</source>
        <translation>Resumen del diario de calambres</translation>
    </message>
    <message>
        <source>Cramp diary: summary for my doctor</source>
        <translation>Diario de calambres: resumen para mi médico</translation>
    </message>
    <message>
        <source>%1 to %2. Made with SpasmGuide on %3 from the diary kept on my own computer.</source>
        <translation>Del %1 al %2. Hecho con SpasmGuide el %3 con el diario que guardo en mi propia computadora.</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Con qué frecuencia</translation>
    </message>
    <message>
        <source>At night (22:00 to 07:00): %1. During the day: %2.</source>
        <translation>De noche (de 22:00 a 07:00): %1. De día: %2.</translation>
    </message>
    <message>
        <source>Which leg: %1.</source>
        <translation>Qué pierna: %1.</translation>
    </message>
    <message>
        <source>What I ticked as helping (my own record, not evidence)</source>
        <translation>Lo que marqué como útil (mi propio registro, no una prueba)</translation>
    </message>
    <message>
        <source>median length %1</source>
        <translation>duración mediana: %1</translation>
    </message>
    <message>
        <source>Longest cramps</source>
        <translation>Los calambres más largos</translation>
    </message>
    <message>
        <source>Notes, newest first</source>
        <translation>Notas, de la más reciente a la más antigua</translation>
    </message>
    <message>
        <source>General information, not a diagnosis. Written by the patient in SpasmGuide, an offline guide to leg muscle spasms.</source>
        <translation>Información general, no un diagnóstico. Escrito por el paciente en SpasmGuide, una guía sin internet sobre los calambres en las piernas.</translation>
    </message>
    <message>
        <source>not said</source>
        <translation>sin indicar</translation>
    </message>
    <message>
        <source>Your cramp diary</source>
        <translation>Su diario de calambres</translation>
    </message>
    <message>
        <source>Your diary stays on this computer. SpasmGuide never sends it anywhere. It is kept in this file:</source>
        <translation>Su diario se queda en esta computadora. SpasmGuide nunca lo envía a ninguna parte. Se guarda en este archivo:</translation>
    </message>
    <message>
        <source>To move it to another computer, use Export CSV in the Diary tab.</source>
        <translation>Para pasarlo a otra computadora, use Exportar CSV en la pestaña Diario.</translation>
    </message>
    <message>
        <source>Delete all diary data</source>
        <translation>Borrar todos los datos del diario</translation>
    </message>
    <message>
        <source>Delete all diary data?</source>
        <translation>¿Borrar todos los datos del diario?</translation>
    </message>
    <message>
        <source>This deletes every entry in your cramp diary, and its backups, from this computer:
%1

It cannot be undone. To keep a copy, use Export CSV first.</source>
        <translation>Esto borra de esta computadora todas las anotaciones de su diario de calambres y sus copias de seguridad:
%1

No se puede deshacer. Para guardar una copia, use antes Exportar CSV.</translation>
    </message>
    <message>
        <source>Cramps per week, last %n weeks</source>
        <translation>Calambres por semana, últimas %n semanas</translation>
    </message>
    <message>
        <source>Cramps this week</source>
        <translation>Calambres de esta semana</translation>
    </message>
    <message>
        <source>%n cramps</source>
        <translation>%n calambres</translation>
    </message>
    <message>
        <source>%n cramp</source>
        <translation>%n calambre</translation>
    </message>
    <message>
        <source>On average %1 of 10, from %n rated cramps</source>
        <translation>En promedio %1 de 10, de %n calambres con nota</translation>
    </message>
    <message>
        <source>%1 of 10, from one rated cramp</source>
        <translation>%1 de 10, de un calambre con nota</translation>
    </message>
    <message>
        <source>%1: ticked %n times</source>
        <translation>%1: marcado %n veces</translation>
    </message>
    <message>
        <source>%1: ticked once</source>
        <translation>%1: marcado una vez</translation>
    </message>
    <message>
        <source>%n cramps logged.</source>
        <translation>%n calambres anotados.</translation>
    </message>
    <message>
        <source>%n cramp logged.</source>
        <translation>%n calambre anotado.</translation>
    </message>
    <message>
        <source>Average severity %1 of 10 (%n cramps rated).</source>
        <translation>Intensidad promedio: %1 de 10 (%n calambres con nota).</translation>
    </message>
    <message>
        <source>Severity %1 of 10 (one cramp rated).</source>
        <translation>Intensidad: %1 de 10 (un calambre con nota).</translation>
    </message>
    <message>
        <source>%1: %n times</source>
        <translation>%1: %n veces</translation>
    </message>
    <message>
        <source>%1: once</source>
        <translation>%1: una vez</translation>
    </message>
    <message>
        <source>… and %n more notes in the diary.</source>
        <translation>… y %n notas más en el diario.</translation>
    </message>
    <message>
        <source>… and one more note in the diary.</source>
        <translation>… y una nota más en el diario.</translation>
    </message>
    <message>
        <source>%n cramps in your diary. It stays on this computer.</source>
        <translation>%n calambres en su diario. Se queda en esta computadora.</translation>
    </message>
    <message>
        <source>%n cramp in your diary. It stays on this computer.</source>
        <translation>%n calambre en su diario. Se queda en esta computadora.</translation>
    </message>
    <message>
        <source>%n entries exported to %1.</source>
        <translation>%n anotaciones exportadas a %1.</translation>
    </message>
    <message>
        <source>%n entry exported to %1.</source>
        <translation>%n anotación exportada a %1.</translation>
    </message>
    <message>
        <source>… and %n more bad rows.</source>
        <translation>… y %n filas incorrectas más.</translation>
    </message>
    <message>
        <source>… and one more bad row.</source>
        <translation>… y una fila incorrecta más.</translation>
    </message>
    <message>
        <source>%n entries imported.</source>
        <translation>%n anotaciones importadas.</translation>
    </message>
    <message>
        <source>%n entry imported.</source>
        <translation>%n anotación importada.</translation>
    </message>
    <message>
        <source>%n were already in your diary and were kept as they are.</source>
        <translation>%n ya estaban en su diario y se dejaron como estaban.</translation>
    </message>
    <message>
        <source>%n was already in your diary and was kept as it is.</source>
        <translation>%n ya estaba en su diario y se dejó como estaba.</translation>
    </message>
    <message>
        <source>Left leg</source>
        <translation>Pierna izquierda</translation>
    </message>
    <message>
        <source>Right leg</source>
        <translation>Pierna derecha</translation>
    </message>
    <message>
        <source>Both legs</source>
        <translation>Las dos piernas</translation>
    </message>
    <message>
        <source>Leg not said</source>
        <translation>Pierna sin indicar</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Izquierda</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Derecha</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Las dos</translation>
    </message>
    <message>
        <source>Calf</source>
        <translation>Pantorrilla</translation>
    </message>
    <message>
        <source>Foot</source>
        <translation>Pie</translation>
    </message>
    <message>
        <source>Thigh</source>
        <translation>Muslo</translation>
    </message>
    <message>
        <source>Shin</source>
        <translation>Espinilla</translation>
    </message>
    <message>
        <source>Other place</source>
        <translation>Otro lugar</translation>
    </message>
    <message>
        <source>In bed</source>
        <translation>En la cama</translation>
    </message>
    <message>
        <source>Walking</source>
        <translation>Caminando</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Haciendo ejercicio</translation>
    </message>
    <message>
        <source>Resting</source>
        <translation>Descansando</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Otra cosa</translation>
    </message>
    <message>
        <source>%n s</source>
        <comment>seconds</comment>
        <translation>%n s</translation>
    </message>
    <message>
        <source>%n min</source>
        <comment>minutes</comment>
        <translation>%n min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 of 10</source>
        <translation>%1 de 10</translation>
    </message>
    <message>
        <source>No details</source>
        <translation>Sin detalles</translation>
    </message>
    <message>
        <source>The diary could not be saved because its folder or disk is read-only. Your entry is still here: free the disk or check its permissions, then try again.</source>
        <translation>No se pudo guardar el diario porque su carpeta o su disco son de solo lectura. Su anotación sigue aquí: libere el disco o revise los permisos y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The diary could not be saved because the disk is full. Your entry is still here: make some room on the disk, then try again.</source>
        <translation>No se pudo guardar el diario porque el disco está lleno. Su anotación sigue aquí: libere espacio en el disco y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The diary file could not be opened. Check that its folder exists and that you may write there.</source>
        <translation>No se pudo abrir el archivo del diario. Revise que su carpeta exista y que usted pueda escribir en ella.</translation>
    </message>
    <message>
        <source>The diary is in use by another copy of SpasmGuide. Close it, then try again.</source>
        <translation>Otra copia de SpasmGuide está usando el diario. Ciérrela y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The diary file is damaged and could not be set aside.</source>
        <translation>El archivo del diario está dañado y no se pudo apartar.</translation>
    </message>
    <message>
        <source>This diary was written by a newer version of SpasmGuide. Update SpasmGuide to open it; nothing was changed.</source>
        <translation>Este diario lo escribió una versión más nueva de SpasmGuide. Actualice SpasmGuide para abrirlo; no se cambió nada.</translation>
    </message>
    <message>
        <source>The disk reported an error, so the diary could not be saved. Your entry is still here: try again in a moment.</source>
        <translation>El disco dio un error y no se pudo guardar el diario. Su anotación sigue aquí: vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>a value is needed</source>
        <translation>falta un valor</translation>
    </message>
    <message>
        <source>not a date and time like 2025-03-14T02:40:00+00:00</source>
        <translation>no es una fecha y hora como 2025-03-14T02:40:00+00:00</translation>
    </message>
    <message>
        <source>the date and time need a time-zone offset, such as +00:00</source>
        <translation>la fecha y la hora necesitan una diferencia horaria, como +00:00</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>no es un número</translation>
    </message>
    <message>
        <source>not one of the choices</source>
        <translation>no es una de las opciones</translation>
    </message>
    <message>
        <source>out of range</source>
        <translation>fuera de rango</translation>
    </message>
    <message>
        <source>not a treatment id</source>
        <translation>no es un identificador de tratamiento</translation>
    </message>
    <message>
        <source>longer than 4000 characters</source>
        <translation>tiene más de 4000 caracteres</translation>
    </message>
    <message>
        <source>more values than the header has columns</source>
        <translation>tiene más valores que columnas en el encabezado</translation>
    </message>
    <message>
        <source>too many rows for a diary</source>
        <translation>demasiadas filas para un diario</translation>
    </message>
    <message>
        <source>not readable as CSV</source>
        <translation>no se puede leer como CSV</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>el archivo está vacío</translation>
    </message>
    <message>
        <source>the first row has no &apos;when&apos; column</source>
        <translation>la primera fila no tiene la columna &apos;when&apos;</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text; save it as CSV UTF-8 and try again</source>
        <translation>el archivo no es texto UTF-8; guárdelo como CSV UTF-8 y vuelva a intentarlo</translation>
    </message>
    <message>
        <source>the file is not CSV</source>
        <translation>el archivo no es CSV</translation>
    </message>
</context>
<context>
    <name>DiaryForm</name>
    <message>
        <source>When did it start?</source>
        <translation>¿Cuándo empezó?</translation>
    </message>
    <message>
        <source>Just now</source>
        <translation>Ahora mismo</translation>
    </message>
    <message>
        <source>Earlier today</source>
        <translation>Hoy, más temprano</translation>
    </message>
    <message>
        <source>Last night</source>
        <translation>Anoche</translation>
    </message>
    <message>
        <source>Date and time the cramp started</source>
        <translation>Fecha y hora en que empezó el calambre</translation>
    </message>
    <message>
        <source>Which leg</source>
        <translation>Qué pierna</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Which leg?</source>
        <translation>¿Qué pierna?</translation>
    </message>
    <message>
        <source>Where?</source>
        <translation>¿Dónde?</translation>
    </message>
    <message>
        <source>How long did it last? (leave at 0 if unsure)</source>
        <translation>¿Cuánto duró? (deje 0 si no está seguro)</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Segundos</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How bad was it? (0 is no pain, 10 is the worst)</source>
        <translation>¿Qué tan fuerte fue? (0 es sin dolor, 10 es el peor)</translation>
    </message>
    <message>
        <source>How bad</source>
        <translation>Qué tan fuerte</translation>
    </message>
    <message>
        <source>What was happening?</source>
        <translation>¿Qué estaba haciendo?</translation>
    </message>
    <message>
        <source>What was happening</source>
        <translation>Qué estaba haciendo</translation>
    </message>
    <message>
        <source>What helped?</source>
        <translation>¿Qué le ayudó?</translation>
    </message>
    <message>
        <source>Something else that helped</source>
        <translation>Otra cosa que ayudó</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Anything else: medicines, how you slept, …</source>
        <translation>Algo más: medicinas, cómo durmió, …</translation>
    </message>
    <message>
        <source>Problem saving</source>
        <translation>Problema al guardar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Log a cramp</source>
        <translation>Anotar un calambre</translation>
    </message>
    <message>
        <source>Filled in from the timer. Change it if the cramp itself was shorter.</source>
        <translation>Tomado del temporizador. Cámbielo si el calambre duró menos.</translation>
    </message>
    <message>
        <source>Change this entry</source>
        <translation>Cambiar esta anotación</translation>
    </message>
    <message>
        <source>Choose when the cramp started.</source>
        <translation>Elija cuándo empezó el calambre.</translation>
    </message>
    <message>
        <source>The note is too long; keep it under 4000 characters.</source>
        <translation>La nota es demasiado larga; use menos de 4000 caracteres.</translation>
    </message>
    <message>
        <source>One of the answers could not be saved; check it and try again.</source>
        <translation>No se pudo guardar una de las respuestas; revísela y vuelva a intentarlo.</translation>
    </message>
</context>
<context>
    <name>DiaryTab</name>
    <message>
        <source>Problem with the diary</source>
        <translation>Problema con el diario</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Volver a intentar</translation>
    </message>
    <message>
        <source>Log a cramp</source>
        <translation>Anotar un calambre</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Anotaciones</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambiar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>For my doctor, from</source>
        <translation>Para mi médico, desde</translation>
    </message>
    <message>
        <source>Summary from</source>
        <translation>Resumen desde</translation>
    </message>
    <message>
        <source>Summary to</source>
        <translation>Resumen hasta</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Make a PDF…</source>
        <translation>Hacer un PDF…</translation>
    </message>
    <message>
        <source>Make a one-page PDF for my doctor</source>
        <translation>Hacer un PDF de una página para mi médico</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Importar CSV…</translation>
    </message>
    <message>
        <source>Your diary file was damaged, so it was set aside as %1 and a new, empty diary was started. Nothing was deleted.</source>
        <translation>El archivo de su diario estaba dañado: se apartó como %1 y se empezó un diario nuevo, vacío. No se borró nada.</translation>
    </message>
    <message>
        <source>Delete this entry?</source>
        <translation>¿Borrar esta anotación?</translation>
    </message>
    <message>
        <source>Delete the entry for %1? This cannot be undone.</source>
        <translation>¿Borrar la anotación del %1? No se puede deshacer.</translation>
    </message>
    <message>
        <source>The entry was deleted.</source>
        <translation>Se borró la anotación.</translation>
    </message>
    <message>
        <source>Saved in your diary.</source>
        <translation>Guardado en su diario.</translation>
    </message>
    <message>
        <source>Export the diary as CSV</source>
        <translation>Exportar el diario como CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>No se pudo escribir el archivo: %1</translation>
    </message>
    <message>
        <source>Import a diary CSV file</source>
        <translation>Importar un archivo CSV de diario</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Archivos CSV (*.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>No se pudo leer el archivo: %1</translation>
    </message>
    <message>
        <source>Nothing was imported: %1.</source>
        <translation>No se importó nada: %1.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Línea %1: %2</translation>
    </message>
    <message>
        <source>Nothing was imported, so your diary is unchanged. Fix these rows and import the file again:</source>
        <translation>No se importó nada, así que su diario no cambió. Corrija estas filas e importe el archivo otra vez:</translation>
    </message>
    <message>
        <source>Save the summary for your doctor</source>
        <translation>Guardar el resumen para su médico</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be written to %1.</source>
        <translation>No se pudo escribir el PDF en %1.</translation>
    </message>
    <message>
        <source>Summary saved as %1. Print it or take it to your appointment.</source>
        <translation>Resumen guardado como %1. Imprímalo o llévelo a su cita.</translation>
    </message>
</context>
<context>
    <name>EntriesList</name>
    <message>
        <source>Your diary entries, newest first</source>
        <translation>Las anotaciones de su diario, de la más reciente a la más antigua</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>Recommended by health services</source>
        <translation>Recomendado por servicios de salud</translation>
    </message>
    <message>
        <source>Some evidence</source>
        <translation>Algunas pruebas</translation>
    </message>
    <message>
        <source>Traditional, not proven</source>
        <translation>Tradicional, sin pruebas</translation>
    </message>
    <message>
        <source>Not supported by evidence</source>
        <translation>Sin respaldo de pruebas</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>Pruebas:</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Fuente: %1</translation>
    </message>
</context>
<context>
    <name>HelpPanel</name>
    <message>
        <source>When to get help</source>
        <translation>Cuándo buscar ayuda</translation>
    </message>
    <message>
        <source>Urgent: a cramp longer than 10 minutes</source>
        <translation>Urgente: un calambre de más de 10 minutos</translation>
    </message>
    <message>
        <source>A cramp that lasts longer than 10 minutes needs urgent medical help. If it is still going, call your doctor, an urgent care service or your local emergency number.</source>
        <translation>Un calambre que dura más de 10 minutos necesita ayuda médica urgente. Si todavía no se le pasa, llame a su médico, a un servicio de urgencias o a su número local de emergencias.</translation>
    </message>
    <message>
        <source>See a doctor: swelling or redness</source>
        <translation>Vea a un médico: hinchazón o enrojecimiento</translation>
    </message>
    <message>
        <source>A leg that looks swollen or red should be checked by a doctor. Book an appointment with your doctor soon.</source>
        <translation>Si una pierna se ve hinchada o roja, debe revisarla un médico. Pida pronto una cita con su médico.</translation>
    </message>
</context>
<context>
    <name>HitListModel</name>
    <message>
        <source>Evidence: {label}.</source>
        <translation>Pruebas: {label}.</translation>
    </message>
    <message>
        <source>{level} care card.</source>
        <translation>Tarjeta de aviso: {level}.</translation>
    </message>
    <message>
        <source>{title}, in {tab}.{badge} {snippet}</source>
        <translation>{title}, en {tab}.{badge} {snippet}</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>On-screen keypad</source>
        <translation>Teclado en pantalla</translation>
    </message>
    <message>
        <source>Letter %1</source>
        <translation>Letra %1</translation>
    </message>
    <message>
        <source>⌫ Back</source>
        <translation>⌫ Borrar</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Borrar la última letra</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vaciar</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Vaciar la búsqueda</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <source>Hide keys</source>
        <translation>Ocultar teclas</translation>
    </message>
    <message>
        <source>Hide the keypad</source>
        <translation>Ocultar el teclado</translation>
    </message>
    <message>
        <source>qwertyuiop|asdfghjkl|zxcvbnm</source>
        <extracomment>The on-screen keypad&apos;s letter rows, lower case, rows apart by &quot;|&quot;.</extracomment>
        <translation>qwertyuiop|asdfghjklñ|zxcvbnm</translation>
    </message>
</context>
<context>
    <name>LanguageSwitch</name>
    <message>
        <source>Show the guide in %1</source>
        <translation>Mostrar la guía en %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1: leg muscle spasms</source>
        <translation>%1: calambres en las piernas</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Temas</translation>
    </message>
    <message>
        <source>Timer running</source>
        <translation>Temporizador en marcha</translation>
    </message>
    <message>
        <source>General information, not a diagnosis. If you are worried, see</source>
        <translation>Información general, no un diagnóstico. Si algo le preocupa, vea</translation>
    </message>
    <message>
        <source>When to get help</source>
        <translation>Cuándo buscar ayuda</translation>
    </message>
    <message>
        <source>General information, not a diagnosis. If you are worried, see When to get help.</source>
        <translation>Información general, no un diagnóstico. Si algo le preocupa, vea Cuándo buscar ayuda.</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Acerca de</translation>
    </message>
    <message>
        <source>Timer</source>
        <translation>Temporizador</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation>Cerrar el aviso</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Enter the staff PIN.</source>
        <translation>Escriba el PIN del personal.</translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation>Ese PIN no es correcto.</translation>
    </message>
    <message>
        <source>Staff exit</source>
        <translation>Salida del personal</translation>
    </message>
    <message>
        <source>PIN entered</source>
        <translation>PIN escrito</translation>
    </message>
    <message>
        <source>Digit %1</source>
        <translation>Dígito %1</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Borrar el último dígito</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Check PIN</source>
        <translation>Comprobar el PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel staff exit</source>
        <translation>Cancelar la salida del personal</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in %1 s.</source>
        <translation>Demasiados PIN incorrectos. Vuelva a intentarlo en %1 s.</translation>
    </message>
</context>
<context>
    <name>QrView</name>
    <message>
        <source>QR code</source>
        <translation>Código QR</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>Read aloud is getting ready.</source>
        <translation>La lectura en voz alta se está preparando.</translation>
    </message>
    <message>
        <source>Read aloud is not available on this computer (no speech engine).</source>
        <translation>La lectura en voz alta no está disponible en esta computadora (no hay motor de voz).</translation>
    </message>
    <message>
        <source>Read aloud is not available on this computer (the speech engine did not start).</source>
        <translation>La lectura en voz alta no está disponible en esta computadora (el motor de voz no arrancó).</translation>
    </message>
    <message>
        <source>No speech engine</source>
        <translation>Sin motor de voz</translation>
    </message>
    <message>
        <source>No speech engine.
Install %1.</source>
        <translation>Sin motor de voz.
Instale %1.</translation>
    </message>
    <message>
        <source>No voice for this language</source>
        <translation>No hay voz en español</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Search the guide. Results appear below as you type; use the arrow keys to move and Enter to open one.</source>
        <translation>Buscar en la guía. Los resultados aparecen abajo mientras escribe; use las flechas para moverse y Enter para abrir uno.</translation>
    </message>
    <message>
        <source>Search: %1…</source>
        <translation>Buscar: %1…</translation>
    </message>
    <message>
        <source>Search the guide</source>
        <translation>Buscar en la guía</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Estado de la búsqueda</translation>
    </message>
    <message>
        <source>Search instead for the words as typed</source>
        <translation>Buscar las palabras tal como las escribió</translation>
    </message>
    <message>
        <source>Did you mean</source>
        <translation>Quiso decir</translation>
    </message>
    <message>
        <source>When to get help</source>
        <translation>Cuándo buscar ayuda</translation>
    </message>
    <message>
        <source>Try one of these:</source>
        <translation>Pruebe una de estas:</translation>
    </message>
    <message>
        <source>Search for {example}</source>
        <translation>Buscar {example}</translation>
    </message>
    <message>
        <source>Search results list</source>
        <translation>Lista de resultados</translation>
    </message>
    <message>
        <source>Type what you feel or want to know, or try one of these:</source>
        <translation>Escriba lo que siente o lo que quiere saber, o pruebe una de estas:</translation>
    </message>
    <message>
        <source>Showing results for “{query}”</source>
        <translation>Resultados para «{query}»</translation>
    </message>
    <message>
        <source>Search instead for “{query}”</source>
        <translation>Buscar en cambio «{query}»</translation>
    </message>
    <message>
        <source>Search instead for {query}</source>
        <translation>Buscar en cambio {query}</translation>
    </message>
    <message>
        <source>No good match for “{query}”</source>
        <translation>Nada coincide bien con «{query}»</translation>
    </message>
    <message>
        <source>1 result for “{query}”</source>
        <translation>1 resultado para «{query}»</translation>
    </message>
    <message>
        <source>{count} results for “{query}”</source>
        <translation>{count} resultados para «{query}»</translation>
    </message>
    <message>
        <source>No results for “{query}”</source>
        <translation>No hay resultados para «{query}»</translation>
    </message>
    <message>
        <source>Did you mean “{query}”?</source>
        <translation>¿Quiso decir «{query}»?</translation>
    </message>
    <message>
        <source>Did you mean {query}</source>
        <translation>Quiso decir {query}</translation>
    </message>
    <message>
        <source>This guide has nothing on that. If you are worried about your health, see When to get help.</source>
        <translation>Esta guía no habla de eso. Si le preocupa su salud, vea Cuándo buscar ayuda.</translation>
    </message>
    <message>
        <source>This guide may not cover that: these pages match only some of your words. If you are worried about your health, see When to get help.</source>
        <translation>Puede que esta guía no hable de eso: estas páginas coinciden solo con algunas de sus palabras. Si le preocupa su salud, vea Cuándo buscar ayuda.</translation>
    </message>
    <message>
        <source>For example:</source>
        <translation>Por ejemplo:</translation>
    </message>
    <message>
        <source>{status}. Top result: {title}</source>
        <translation>{status}. Primer resultado: {title}</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <source>(and one more problem)</source>
        <translation>(y un problema más)</translation>
    </message>
    <message>
        <source>(and %1 more problems)</source>
        <translation>(y %1 problemas más)</translation>
    </message>
    <message>
        <source>The content in %1 could not be opened, so the built-in guide is shown instead. Problem: %2. To see every problem, run: python3 run.py check-content %1</source>
        <translation>No se pudo abrir el contenido de %1, así que se muestra la guía incluida. Problema: %2. Para ver todos los problemas, ejecute: python3 run.py check-content %1</translation>
    </message>
    <message>
        <source>Some guide content could not be loaded, so the standard guide is shown.</source>
        <translation>No se pudo cargar parte del contenido, así que se muestra la guía estándar.</translation>
    </message>
    <message>
        <source>Something went wrong inside SpasmGuide. It was logged and the guide keeps working. If it happens again, restart the program.</source>
        <translation>Algo falló dentro de SpasmGuide. Quedó anotado y la guía sigue funcionando. Si vuelve a pasar, reinicie el programa.</translation>
    </message>
    <message>
        <source>The timer stopped when the language changed. Press Start to begin the routine again.</source>
        <translation>El temporizador se detuvo al cambiar el idioma. Pulse Empezar para comenzar la rutina otra vez.</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>I have a cramp now</source>
        <translation>Tengo un calambre ahora</translation>
    </message>
    <message>
        <source>Stretch and rub the muscle. See what to do, step by step.</source>
        <translation>Estire y frote el músculo. Vea qué hacer, paso a paso.</translation>
    </message>
    <message>
        <source>Is it serious?</source>
        <translation>¿Es grave?</translation>
    </message>
    <message>
        <source>Answer a few yes or no questions to see if you need help, and how soon.</source>
        <translation>Responda unas preguntas de sí o no para saber si necesita ayuda, y qué tan pronto.</translation>
    </message>
    <message>
        <source>The signs that mean you should get help, and how soon.</source>
        <translation>Las señales de que debe buscar ayuda, y qué tan pronto.</translation>
    </message>
    <message>
        <source>Why does it happen?</source>
        <translation>¿Por qué pasa?</translation>
    </message>
    <message>
        <source>Common causes of leg cramps, from tired muscles to some medicines.</source>
        <translation>Causas comunes de los calambres en las piernas, desde músculos cansados hasta algunas medicinas.</translation>
    </message>
    <message>
        <source>What helps?</source>
        <translation>¿Qué ayuda?</translation>
    </message>
    <message>
        <source>Stretches, a warm or cold compress, and which home remedies are proven.</source>
        <translation>Estiramientos, una compresa tibia o fría, y qué remedios caseros están comprobados.</translation>
    </message>
    <message>
        <source>Muscle types</source>
        <translation>Tipos de músculo</translation>
    </message>
    <message>
        <source>The three kinds of muscle, and which kind cramps.</source>
        <translation>Los tres tipos de músculo, y cuál tiene calambres.</translation>
    </message>
    <message>
        <source>Time the cramp with the timer</source>
        <translation>Mida el calambre con el temporizador</translation>
    </message>
    <message>
        <source>Open the timer, ready to time how long the cramp lasts</source>
        <translation>Abra el temporizador, listo para medir cuánto dura el calambre</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>What do you need?</source>
        <translation>¿Qué necesita?</translation>
    </message>
    <message>
        <source>Tap what fits you best. The tabs above hold the whole guide.</source>
        <translation>Toque lo que mejor describe su caso. Las pestañas de arriba tienen toda la guía.</translation>
    </message>
</context>
<context>
    <name>TabReader</name>
    <message>
        <source>Sections in %1</source>
        <translation>Secciones de %1</translation>
    </message>
    <message>
        <source>Choose a section to read it</source>
        <translation>Elija una sección para leerla</translation>
    </message>
    <message>
        <source>%1 text</source>
        <translation>Texto de %1</translation>
    </message>
    <message>
        <source>Worried?</source>
        <translation>¿Le preocupa?</translation>
    </message>
    <message>
        <source>When to get help</source>
        <translation>Cuándo buscar ayuda</translation>
    </message>
</context>
<context>
    <name>TabStrip</name>
    <message>
        <source>Topics</source>
        <translation>Temas</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Pestaña</translation>
    </message>
</context>
<context>
    <name>TakeAwayOverlay</name>
    <message>
        <source>Take this with you</source>
        <translation>Lléveselo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Print it</source>
        <translation>Imprimirlo</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>resumen</translation>
    </message>
    <message>
        <source>Take this with you: %1</source>
        <translation>Lléveselo: %1</translation>
    </message>
    <message>
        <source>Point your phone&apos;s camera at the code. The advice is in the code itself: no internet, no website, nothing is kept here.</source>
        <translation>Apunte la cámara de su teléfono al código. Los consejos van dentro del código: sin internet, sin página web, aquí no se guarda nada.</translation>
    </message>
    <message>
        <source>This is a summary.</source>
        <translation>Esto es un resumen.</translation>
    </message>
    <message>
        <source>The printer is not working. Please ask staff.</source>
        <translation>La impresora no funciona. Pida ayuda al personal, por favor.</translation>
    </message>
    <message>
        <source>Printing. Please collect it from the printer.</source>
        <translation>Imprimiendo. Recójalo en la impresora, por favor.</translation>
    </message>
</context>
<context>
    <name>TakeHome</name>
    <message>
        <source>summary</source>
        <translation>resumen</translation>
    </message>
    <message>
        <source>Take this with you</source>
        <translation>Lléveselo</translation>
    </message>
    <message>
        <source>Show this section as a QR code for your phone</source>
        <translation>Mostrar esta sección como código QR para su teléfono</translation>
    </message>
    <message>
        <source>Save or print</source>
        <translation>Guardar o imprimir</translation>
    </message>
    <message>
        <source>Save this section, this tab or your own summary as PDF, or print it</source>
        <translation>Guardar como PDF o imprimir esta sección, esta pestaña o su propio resumen</translation>
    </message>
    <message>
        <source>Made on %1.</source>
        <translation>Hecho el %1.</translation>
    </message>
    <message>
        <source>Last reviewed: %1.</source>
        <translation>Última revisión: %1.</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>The facts in this guide come from these works:</source>
        <translation>Los datos de esta guía vienen de estas obras:</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
</context>
<context>
    <name>TakeHomeDialog</name>
    <message>
        <source>Save or print</source>
        <translation>Guardar o imprimir</translation>
    </message>
    <message>
        <source>My own summary: choose sections below</source>
        <translation>Mi propio resumen: elija las secciones abajo</translation>
    </message>
    <message>
        <source>Sections for my summary</source>
        <translation>Secciones para mi resumen</translation>
    </message>
    <message>
        <source>Always included</source>
        <translation>Siempre incluido</translation>
    </message>
    <message>
        <source>&quot;What to do right now&quot; and &quot;When to get help&quot; are always included.</source>
        <translation>«Qué hacer ahora mismo» y «Cuándo buscar ayuda» siempre se incluyen.</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>What would you like to save or print?</source>
        <translation>¿Qué quiere guardar o imprimir?</translation>
    </message>
    <message>
        <source>This section: %1</source>
        <translation>Esta sección: %1</translation>
    </message>
    <message>
        <source>This tab: %1</source>
        <translation>Esta pestaña: %1</translation>
    </message>
    <message>
        <source>The PDF could not be saved in that place. Choose another folder.</source>
        <translation>No se pudo guardar el PDF en ese lugar. Elija otra carpeta.</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Guardado: %1</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The printer could not be reached.</source>
        <translation>No se pudo conectar con la impresora.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Enviado a la impresora.</translation>
    </message>
</context>
<context>
    <name>TimerBuild</name>
    <message>
        <source>Routine:</source>
        <translation>Rutina:</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Rutina</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Time remaining</source>
        <translation>Tiempo restante</translation>
    </message>
    <message>
        <source>Time so far</source>
        <translation>Tiempo hasta ahora</translation>
    </message>
    <message>
        <source>Safety note</source>
        <translation>Nota de seguridad</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>When to get help</source>
        <translation>Cuándo buscar ayuda</translation>
    </message>
    <message>
        <source>Log this cramp in your diary</source>
        <translation>Anotar este calambre en su diario</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>Next step preview</source>
        <translation>Vista del paso siguiente</translation>
    </message>
    <message>
        <source>Routine progress</source>
        <translation>Avance de la rutina</translation>
    </message>
    <message>
        <source>%p% done</source>
        <translation>%p% completado</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Empezar</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Seguir</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Paso anterior</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Paso siguiente</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reiniciar</translation>
    </message>
    <message>
        <source>Timer routine</source>
        <translation>Rutina del temporizador</translation>
    </message>
    <message>
        <source>When did the cramp start?</source>
        <translation>¿Cuándo empezó el calambre?</translation>
    </message>
    <message>
        <source>Just now</source>
        <translation>Ahora mismo</translation>
    </message>
    <message>
        <source>The cramp started just now</source>
        <translation>El calambre empezó ahora mismo</translation>
    </message>
    <message>
        <source>2 minutes ago</source>
        <translation>Hace 2 minutos</translation>
    </message>
    <message>
        <source>The cramp started 2 minutes ago</source>
        <translation>El calambre empezó hace 2 minutos</translation>
    </message>
    <message>
        <source>5 minutes ago</source>
        <translation>Hace 5 minutos</translation>
    </message>
    <message>
        <source>The cramp started 5 minutes ago</source>
        <translation>El calambre empezó hace 5 minutos</translation>
    </message>
    <message>
        <source>%1 for:</source>
        <translation>%1 durante:</translation>
    </message>
    <message>
        <source>%1 min (usual)</source>
        <translation>%1 min (lo usual)</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 minutos</translation>
    </message>
    <message>
        <source>Choose %1 minutes for %2, the usual time. Then press Start.</source>
        <translation>Elegir %1 minutos para %2, el tiempo usual. Después pulse Empezar.</translation>
    </message>
    <message>
        <source>Choose %1 minutes for %2. Then press Start.</source>
        <translation>Elegir %1 minutos para %2. Después pulse Empezar.</translation>
    </message>
</context>
<context>
    <name>TimerRender</name>
    <message>
        <source>Done</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>You have finished the routine.</source>
        <translation>Terminó la rutina.</translation>
    </message>
    <message>
        <source>Get ready…</source>
        <translation>Prepárese…</translation>
    </message>
    <message>
        <source>First: %1</source>
        <translation>Primero: %1</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3 (paused)</source>
        <translation>Paso %1 de %2: %3 (en pausa)</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Paso %1 de %2: %3</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Después: %1</translation>
    </message>
    <message>
        <source>Next: the end of the routine</source>
        <translation>Después: el final de la rutina</translation>
    </message>
    <message>
        <source>%1 (now)</source>
        <translation>%1 (ahora)</translation>
    </message>
    <message>
        <source>%1 (next)</source>
        <translation>%1 (después)</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>Empezar de nuevo</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Empezar</translation>
    </message>
    <message>
        <source>Get ready. First: %1</source>
        <translation>Prepárese. Primero: %1</translation>
    </message>
    <message>
        <source>Timer · Get ready %1</source>
        <translation>Temporizador · Prepárese %1</translation>
    </message>
    <message>
        <source>Timer %1 paused · %2</source>
        <translation>Temporizador %1 en pausa · %2</translation>
    </message>
    <message>
        <source>Timer %1 · %2</source>
        <translation>Temporizador %1 · %2</translation>
    </message>
</context>
<context>
    <name>TimerTab</name>
    <message>
        <source>Timer</source>
        <translation>Temporizador</translation>
    </message>
    <message>
        <source>If your cramp has lasted more than 10 minutes in total, get medical help today. See When to get help.</source>
        <translation>Si su calambre ya lleva más de 10 minutos en total, busque ayuda médica hoy. Vea Cuándo buscar ayuda.</translation>
    </message>
    <message>
        <source>Done. If the cramp has not eased, see When to get help.</source>
        <translation>Terminado. Si el calambre no se ha aliviado, vea Cuándo buscar ayuda.</translation>
    </message>
    <message>
        <source>There are no routines in this guide.</source>
        <translation>Esta guía no tiene rutinas.</translation>
    </message>
    <message>
        <source>Is it easing? When the twitching stops, press Next step.</source>
        <translation>¿Se está aliviando? Cuando paren los tirones, pulse Paso siguiente.</translation>
    </message>
    <message>
        <source>Rest. Let your leg relax and breathe slowly.</source>
        <translation>Descanse. Deje la pierna relajada y respire despacio.</translation>
    </message>
    <message>
        <source>Stretch</source>
        <translation>Estiramiento</translation>
    </message>
    <message>
        <source>Compress</source>
        <translation>Compresa</translation>
    </message>
    <message>
        <source>Cold compress</source>
        <translation>Compresa fría</translation>
    </message>
    <message>
        <source>Warm compress</source>
        <translation>Compresa tibia</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Descanso</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>%1 — %2 of %3</source>
        <translation>%1 — %2 de %3</translation>
    </message>
    <message>
        <source>until the cramp eases</source>
        <translation>hasta que se alivie el calambre</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Toolbar</source>
        <translation>Barra de herramientas</translation>
    </message>
    <message>
        <source>When to get help</source>
        <translation>Cuándo buscar ayuda</translation>
    </message>
    <message>
        <source>Open the advice on when a cramp needs a doctor or urgent help</source>
        <translation>Abrir los consejos sobre cuándo un calambre necesita un médico o ayuda urgente</translation>
    </message>
</context>
<context>
    <name>ViewControls</name>
    <message>
        <source>Smaller text</source>
        <translation>Texto más pequeño</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>White text on black, with a yellow outline on the control that has focus</source>
        <translation>Texto blanco sobre negro, con un borde amarillo en el control activo</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Dark colours</source>
        <translation>Colores oscuros</translation>
    </message>
    <message>
        <source>Light text on a dark background; press again for light</source>
        <translation>Texto claro sobre fondo oscuro; pulse otra vez para volver a los colores claros</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Leer en voz alta</translation>
    </message>
    <message>
        <source>Text size is %1 %. Make the text smaller.</source>
        <translation>El texto está al %1 %. Hacer el texto más pequeño.</translation>
    </message>
    <message>
        <source>Text size is %1 %. Make the text larger.</source>
        <translation>El texto está al %1 %. Hacer el texto más grande.</translation>
    </message>
    <message>
        <source>Smaller text (Ctrl+Minus). Now %1 %.</source>
        <translation>Texto más pequeño (Ctrl+Menos). Ahora al %1 %.</translation>
    </message>
    <message>
        <source>Larger text (Ctrl+Plus). Now %1 %.</source>
        <translation>Texto más grande (Ctrl+Más). Ahora al %1 %.</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Contraste</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Leer</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>Dejar de leer</translation>
    </message>
    <message>
        <source>Stop reading aloud now</source>
        <translation>Dejar de leer en voz alta ahora</translation>
    </message>
    <message>
        <source>Read the section you are on aloud</source>
        <translation>Leer en voz alta la sección en la que está</translation>
    </message>
</context>
<context>
    <name>WarningOverlay</name>
    <message>
        <source>Still there?</source>
        <translation>¿Sigue ahí?</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Continue reading</source>
        <translation>Seguir leyendo</translation>
    </message>
    <message>
        <source>The guide will start over for the next person in 1 second.</source>
        <translation>La guía volverá a empezar para la siguiente persona en 1 segundo.</translation>
    </message>
    <message>
        <source>The guide will start over for the next person in %1 seconds.</source>
        <translation>La guía volverá a empezar para la siguiente persona en %1 segundos.</translation>
    </message>
</context>
</TS>
