using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using NJsonSchema.Validation.FormatValidators;

namespace BidPortal.Tests.Support;

/// <summary>
/// Validates an OCDS 1.1 release package offline against the schemas kept in <c>Standards/</c>: the bids
/// extension merged into the release schema (RFC 7386), the package schema's reference to the published release
/// schema mapped to that merged copy, and <c>date-time</c> checked as RFC 3339 with a zone (NJsonSchema's own
/// check accepts a bare date). Party ids are checked for uniqueness by hand: <c>uniqueItems</c> compares whole objects.
/// </summary>
public static partial class OcdsValidator
{
    private const string ReleaseSchemaUrl = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json";

    private static readonly Lazy<Task<JsonSchema>> PackageSchema = new(LoadAsync);

    public static async Task<IReadOnlyList<string>> ValidateAsync(string json)
    {
        var schema = await PackageSchema.Value;
        JToken token;
        try
        {
            // Dates stay strings: Json.NET would otherwise turn them into dates and hide a missing zone.
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
            token = JToken.ReadFrom(reader);
        }
        catch (JsonReaderException e)
        {
            return [$"not JSON: {e.Message}"];
        }
        var settings = new JsonSchemaValidatorSettings();
        settings.FormatValidators = [.. settings.FormatValidators.Where(v => v.Format != JsonFormatStrings.DateTime), new StrictDateTime()];
        var errors = new JsonSchemaValidator(settings).Validate(token, schema, SchemaType.JsonSchema)
            .Select(e => $"{e.Path}: {e.Kind}").ToList();
        foreach (var release in token["releases"]?.Children() ?? [])
        {
            var ids = release["parties"]?.Children().Select(p => (string?)p["id"]).ToList() ?? [];
            errors.AddRange(ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => $"{release["id"]}: party id {g.Key} twice"));
        }
        return errors;
    }

    private static async Task<JsonSchema> LoadAsync()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Standards");
        var core = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "ocds-1.1.5", "release-schema.json")))!;
        var bids = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "ocds-bid-extension-1.1.5", "release-schema.json")))!;
        var release = await JsonSchema.FromJsonAsync(MergePatch(core, bids)!.ToJsonString());
        var package = await File.ReadAllTextAsync(Path.Combine(folder, "ocds-1.1.5", "release-package-schema.json"));
        return await JsonSchema.FromJsonAsync(package, null, schema =>
        {
            var resolver = new JsonReferenceResolver(new JsonSchemaAppender(schema, new DefaultTypeNameGenerator()));
            resolver.AddDocumentReference(ReleaseSchemaUrl, release);
            return resolver;
        });
    }

    /// <summary>RFC 7386: objects merge key by key, null removes, anything else replaces.</summary>
    private static JsonNode? MergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject) return patch?.DeepClone();
        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (key, value) in patchObject)
        {
            if (value is null) result.Remove(key);
            else result[key] = MergePatch(result[key], value);
        }
        return result;
    }

    private sealed partial class StrictDateTime : IFormatValidator
    {
        public string Format => JsonFormatStrings.DateTime;
        public ValidationErrorKind ValidationErrorKind => ValidationErrorKind.DateTimeExpected;

        public bool IsValid(string value, JTokenType tokenType) =>
            Rfc3339().IsMatch(value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
