/*
 * The integrations modal's settings block and its Save (GitHub `Psiant/two`
 * `frontend/bild/42355.11df5f2239bfa2f2ab8e.js` l.10488-10545, template `interface/settings/widgets/widget_settings`;
 * the base form `frontend/bild/17331.d14bdbb075afedab4ca6.js` l.1050-1097): see loader.js for the sources in full.
 */

/** Like twig's escape of `field.value`: what an object becomes in an attribute is its String(), "[object Object]". */
export function attributeValue(value) {
  return value === null || value === undefined ? '' : String(value);
}

/**
 * Draws the host's settings block into `$body` (the modal's body), calls `settings($body)` and wires Save.
 * Returns `{save, $save, $error}`; `save()` resolves to what happened: `{ok, fields}`.
 * @param {object} host  the loader's host (loader.js): `text`, `call`, `widget`
 * @param {object} env  the loader's env
 * @param {(call: string) => void} log
 */
export function drawSettings(host, env, log, $body, done) {
  var $ = env.$;
  var code = env.code;
  var t = env.t || String;
  var manifest = env.manifest || { widget: {}, settings: {} };
  var saved = env.settings() || {};
  var block = $('<div class="widget_settings_block"></div>');
  var head = $('<div class="widget_settings_block__head"></div>');
  head.append(
    $('<div class="widget_settings_block__img"></div>').append(
      $('<img alt="">').attr('src', env.path + '/images/logo_small.png'),
    ),
  );
  head.append($('<div class="widget_settings_block__title"></div>').text(host.text('widget.name')));
  head.append(
    $('<div class="widget_settings_block__status"></div>').text(
      env.active ? t('settings.active') : t('settings.inactive'),
    ),
  );
  block.append(head);
  block.append(
    $('<div class="widget_settings_block__descr"></div>').append(
      $('<p></p>').text(host.text(manifest.widget && manifest.widget.description)),
    ),
  );
  var fields = $('<div class="widget_settings_block__fields" id="widget_settings__fields_wrapper"></div>');
  Object.keys(manifest.settings || {}).forEach(function (name) {
    var field = manifest.settings[name];
    // The host's data source turns a `custom` field into a hidden one; the template keys on `hidden`.
    var hidden = field.type === 'custom';
    var item = $('<div class="widget_settings_block__item_field"></div>');
    var title = $('<div class="widget_settings_block__title_field"></div>').attr('title', '');
    if (!hidden) title.text(host.text('settings.' + name) + ': ');
    item.append(title);
    var input = $('<input autocomplete="off">').attr({
      name: name,
      class: 'widget_settings_block__controls__ text-input',
      type: hidden ? 'hidden' : field.type === 'pass' ? 'password' : 'text',
      value: attributeValue(saved[name]),
      placeholder: '',
    });
    if (hidden) {
      input.attr('id', code + '_custom');
      item.append(
        $('<div class="widget_settings_block__input_field"></div>')
          .attr('id', code + '_custom_content')
          .append(input),
      );
    } else item.append($('<div class="widget_settings_block__input_field"></div>').append(input));
    fields.append(item);
  });
  block.append(fields);
  var controls = $('<div class="widget_settings_block__controls widget_settings_block__controls_top"></div>');
  var $save = $(
    '<button type="button" class="button button--primary button-input button-input_blue js-widget-save"></button>',
  )
    .attr({ id: 'save_' + code, 'data-action': 'save', disabled: 'disabled' })
    .text(t('settings.save'));
  var $cancel = $('<button type="button" class="button button-input" data-action="cancel"></button>').text(
    t('settings.cancel'),
  );
  controls.append($save, $cancel);
  block.append(controls);
  var $error = $('<div class="widget_settings_block__error"></div>');
  block.append($error);
  $body.append(block);

  // The base form wakes Save on `change` of any named input (a jQuery trigger or a bubbling native event).
  $body.on('change input', ':input[name]:not(.js-form-changes-skip)', function () {
    $save.prop('disabled', false);
  });
  $cancel.on('click', function () {
    if (done) done(false);
  });

  /** The base form's serialization: every named input of the form except `.js-form-changes-skip`. */
  var collect = function () {
    var values = {};
    $body.find(':input[name]').each(function () {
      var $input = $(this);
      if ($input.hasClass('js-form-changes-skip')) return;
      if ((this.type === 'radio' || this.type === 'checkbox') && !this.checked) return;
      values[$input.attr('name')] = $input.val();
    });
    return values;
  };

  var save = function () {
    var data = { active: 'Y', fields: collect() };
    $save.prop('disabled', true);
    $error.text('');
    var refused = function (why) {
      log('onSave:' + why);
      $error.text(t('settings.rejected'));
      $save.prop('disabled', false);
      return { ok: false, fields: data.fields };
    };
    var answer = host.call('onSave', [data]);
    if (answer !== true && !(answer && typeof answer.then === 'function')) return Promise.resolve(refused('refused'));
    return Promise.resolve(answer).then(
      function (ok) {
        if (!ok) return refused('refused');
        log('onSave:accepted');
        return Promise.resolve(env.persist({ active: data.active === 'Y', fields: data.fields })).then(
          function (stored) {
            if (host.widget) host.widget.set_settings(stored || {});
            if (done) done(true);
            return { ok: true, fields: data.fields };
          },
        );
      },
      function () {
        return refused('rejected');
      },
    );
  };
  $save.on('click', function () {
    save();
  });
  host.call('settings', [$body]);
  return { save: save, $save: $save, $error: $error };
}
