import type { Translate } from '../../i18n';
import type { ConfigWarning } from '../config';

/** Tells the admin the stored policy was not taken as written (defaults are in use), never failing over it. */
export const ConfigWarnings = ({ t, warnings }: { t: Translate; warnings: ConfigWarning[] }) =>
  warnings.length === 0 ? null : (
    <div class="task-guard__warning" role="alert">
      {warnings.map((warning) => (
        <p key={warning.code === 'field' ? warning.field : warning.code}>
          {warning.code === 'field'
            ? t('config.warnings.field', { field: t(`config.fields.${warning.field}`) })
            : t(`config.warnings.${warning.code}`)}
        </p>
      ))}
    </div>
  );
