// validate_doc_update of the Salesdesk team database: the server, not the app, decides who may
// change what. scripts/sync/setup-team.mjs inlines this file into `_design/salesdesk`, replacing
// the TEAM line below with the team roster (member id → role), which the hand-over rule needs.
//
// A document is one record: { _id: "<kind>:<id>", kind, owner, handover?, record: {…} } (see
// docs/sync.md). Who you are comes from the CouchDB user: its roles hold the app role (hunter,
// farmer, director) and "member:<team member id>". The refusals are Russian sentences the app
// shows as they are.
function validate(newDoc, oldDoc, userCtx) {
  var TEAM = {}; // replaced by setup-team.mjs: { "<member id>": "hunter" | "farmer" | "director" }

  // Records with an owner: only the owner or a director writes them.
  var OWNED = ['clients', 'deals', 'assessments', 'orders', 'activities', 'tasks'];
  // The director's settings: the scoring model, the transfer rule and status thresholds, the
  // stages and pipeline settings, the catalogue and the team roster.
  var DIRECTOR_ONLY = {
    scoring_model: 'только директор меняет модель квалификации',
    transfer_policy: 'только директор меняет правило передачи и пороги статусов',
    stages: 'только директор меняет этапы воронки',
    pipeline_settings: 'только директор меняет настройки воронки',
    products: 'только директор меняет каталог',
    product_groups: 'только директор меняет каталог',
    members: 'только директор меняет состав команды'
  };
  // Logs: a record once written is never changed or deleted.
  var APPEND_ONLY = {
    transfers: 'журнал передач не исправляют и не удаляют',
    stage_history: 'историю этапов не исправляют и не удаляют'
  };

  var roles = userCtx.roles || [];
  function has(role) {
    return roles.indexOf(role) !== -1;
  }
  var director = has('director') || has('_admin');
  var me = null;
  for (var i = 0; i < roles.length; i++) {
    if (roles[i].indexOf('member:') === 0) me = roles[i].substring(7);
  }
  function refuse(reason) {
    throw { forbidden: reason };
  }

  if (!director && !has('hunter') && !has('farmer')) refuse('нет доступа к данным команды');
  var doc = newDoc._deleted ? oldDoc : newDoc;
  if (!doc) return; // deleting what does not exist: CouchDB answers on its own
  var kind = doc.kind;
  if (typeof kind !== 'string' || newDoc._id.indexOf(kind + ':') !== 0 && newDoc._id !== kind) {
    refuse('документ без вида записи или с чужим видом в _id');
  }
  if (!newDoc._deleted && oldDoc && oldDoc.kind !== newDoc.kind) refuse('вид записи не меняют');

  if (APPEND_ONLY[kind]) {
    if (oldDoc && !oldDoc._deleted) refuse(APPEND_ONLY[kind]);
    return;
  }
  if (DIRECTOR_ONLY[kind]) {
    if (!director) refuse(DIRECTOR_ONLY[kind]);
    return;
  }
  if (kind === 'removed') {
    // A deletion mark carries the removed record's owner: the owner or a director removes.
    if (!director && doc.owner !== me) refuse('удалить запись может только её владелец или директор');
    return;
  }
  if (OWNED.indexOf(kind) !== -1 || typeof doc.owner === 'string') {
    if (director) return;
    if (!me) refuse('пользователь не связан с сотрудником команды');
    if (oldDoc && !oldDoc._deleted) {
      if (oldDoc.owner !== me) refuse('изменить запись может только её владелец или директор');
      if (!newDoc._deleted && newDoc.owner !== oldDoc.owner) {
        // The one hand-over a non-director makes: the owner passes a client (and with it its
        // orders) to a farmer, and the document names the transfer-log record written with it.
        var handover = TEAM[newDoc.owner] === 'farmer' && typeof newDoc.handover === 'string';
        if (!handover) refuse('сменить владельца может только директор (или владелец — передав клиента фермеру)');
      }
    } else if (doc.owner !== me) {
      refuse('новую запись можно завести только на себя');
    }
    return;
  }
  if (!director) refuse('эту запись меняет только директор');
}
