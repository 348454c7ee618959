using Microsoft.Extensions.Localization;

// The resources' manifest names start with the project's root namespace, not the assembly name (`qa`): tell the
// localizer so that Resources/SharedResource.{culture}.resx is found for the marker class below.
[assembly: RootNamespace("QualityAnalytics.Web")]

namespace QualityAnalytics.Web;

/// <summary>Marker for the shared UI strings (Resources/SharedResource.zh-CN.resx and .en.resx) used by every page
/// through <c>IStringLocalizer&lt;SharedResource&gt;</c>; the strings whose key starts with <c>js.</c> are handed to the
/// page scripts as a JSON block, so no UI text is written in JavaScript.</summary>
public sealed class SharedResource;
