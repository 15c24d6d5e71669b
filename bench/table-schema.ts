/**
 * A Frictionless Table Schema equivalent to the 加碼合約 columns (SPEC §4.2) for the generated
 * CSV, for comparison (d) of the benchmark: types plus required / enum / range constraints only
 * (no cross-row or cross-sheet rules, which Table Schema cannot express). Field names are the
 * zh-TW headers, as in the CSV.
 */
import { CONTRACTS, CONTRACT_TYPE_OPTIONS, STATUS_OPTIONS } from '../rules/columns.js';

/** Table Schema's strptime-style format of the generated CSV's date-times (`2026/04/01 00:00:00`). */
export const DATE_FORMAT_TS = '%Y/%m/%d %H:%M:%S';

interface Field {
  name: string;
  type: string;
  format?: string;
  bareNumber?: boolean;
  trueValues?: string[];
  falseValues?: string[];
  constraints?: { required?: boolean; enum?: unknown[]; minimum?: number; maximum?: number; minLength?: number; maxLength?: number };
}

export function contractsTableSchema(): { fields: Field[]; missingValues: string[] } {
  const fields = CONTRACTS.columns.map((c): Field => {
    const f: Field = { name: c.zh, type: 'string', constraints: { required: c.required } };
    switch (c.type) {
      case 'datetime':
        f.type = 'datetime';
        f.format = DATE_FORMAT_TS;
        break;
      case 'percent':
        // `15%`: bareNumber false strips the sign, leaving percent points.
        f.type = 'number';
        f.bareNumber = false;
        f.constraints = { ...f.constraints, minimum: 0, maximum: 100 };
        break;
      case 'integer':
        f.type = 'integer';
        f.constraints = { ...f.constraints, minimum: -1 };
        break;
      case 'number':
        f.type = 'number';
        f.constraints = { ...f.constraints, minimum: 0 };
        break;
      case 'boolean':
        f.type = 'boolean';
        f.trueValues = ['是', 'Y', 'yes', 'true', 'TRUE'];
        f.falseValues = ['否', 'N', 'no', 'false', 'FALSE'];
        break;
      case 'enum': {
        const options = c.key === 'contractType' ? CONTRACT_TYPE_OPTIONS : STATUS_OPTIONS;
        f.constraints = { ...f.constraints, enum: options.map((o) => o.value) };
        break;
      }
      default:
        if (c.required) f.constraints = { ...f.constraints, minLength: 1 };
        break;
    }
    return f;
  });
  return { fields, missingValues: [''] };
}
